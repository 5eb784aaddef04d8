#!/usr/bin/env bash
# Every thread the octavo program starts gets a copy of the program's thread_local variables (its
# static TLS block, the PT_TLS segment), which the C library zeroes as the thread starts, whether
# or not the thread ever uses them: a build of corpus/ starts about ten threads. Large per-thread
# tables are therefore made at a thread's first use (pdf_writer.cpp's shown_text), and the block
# stays small: 49 KB with that table in it, 1 KB without.
source "$(dirname "$0")/lib.sh"
check "readelf reads octavo's program headers" bash -c "readelf -lW '$OCTAVO' | grep -q LOAD"
# A program without thread_local variables has no TLS segment at all.
segment=$(readelf -lW "$OCTAVO" | awk '$1 == "TLS" { print $6 }')
size=$((${segment:-0}))
check "octavo's static TLS block is under 4 KiB (it is $size bytes)" test "$size" -lt 4096
finish
