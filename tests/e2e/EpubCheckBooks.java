// Runs epubcheck on every book named on the command line in one JVM, whose start-up is most of an
// epubcheck run's time (lib.sh's epubcheck_books). Each report follows a "== BOOK" line; the exit
// code is 1 when any book failed. Launched as a single source file: java -cp epubcheck.jar THIS.java
import com.adobe.epubcheck.tool.EpubChecker;

public class EpubCheckBooks {
  public static void main(String[] args) {
    int failed = 0;
    for (String book : args) {
      System.out.println("== " + book);
      if (new EpubChecker().run(new String[] {book}) != 0) failed++;
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
