// Lengths in PostScript points (1/72 in), the one unit that crosses module boundaries in layout
// and PDF writing. A strong type so that a font size cannot be passed where a width is meant.
#pragma once

namespace octavo::core {

struct Pt {
  double value = 0;

  constexpr Pt() = default;
  constexpr explicit Pt(double points) : value(points) {}

  constexpr Pt operator+(Pt other) const { return Pt(value + other.value); }
  constexpr Pt operator-(Pt other) const { return Pt(value - other.value); }
  constexpr Pt operator-() const { return Pt(-value); }
  constexpr Pt operator*(double factor) const { return Pt(value * factor); }
  constexpr Pt operator/(double divisor) const { return Pt(value / divisor); }
  constexpr double operator/(Pt other) const { return value / other.value; }
  constexpr Pt& operator+=(Pt other) {
    value += other.value;
    return *this;
  }
  constexpr Pt& operator-=(Pt other) {
    value -= other.value;
    return *this;
  }
  constexpr bool operator<(Pt other) const { return value < other.value; }
  constexpr bool operator>(Pt other) const { return value > other.value; }
  constexpr bool operator<=(Pt other) const { return value <= other.value; }
  constexpr bool operator>=(Pt other) const { return value >= other.value; }
  constexpr bool operator==(Pt other) const { return value == other.value; }
  constexpr bool operator!=(Pt other) const { return value != other.value; }
};

constexpr Pt operator*(double factor, Pt length) { return length * factor; }

/// Millimetres to points (25.4 mm = 72 pt).
constexpr Pt millimetres(double mm) { return Pt(mm * 72.0 / 25.4); }

}  // namespace octavo::core
