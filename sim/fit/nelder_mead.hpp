#pragma once
// Nelder–Mead simplex minimisation in the unit cube, as an ask/tell state machine so that several simplices can
// advance in lockstep and their points be evaluated together in parallel. Standard coefficients (reflection 1,
// expansion 2, contraction ½, shrink ½; Lagarias et al. 1998); every point is clamped into [0, 1]ᵈ.
#include <cstddef>
#include <vector>

namespace reformsim::fit {

/// One simplex search.
class NelderMead {
 public:
  using Point = std::vector<double>;
  /// Starts from `start` (whose value is known) with a simplex of edge `step`; converged when every vertex is
  /// within `min_step` of the best in every coordinate.
  NelderMead(Point start, double start_value, double step, double min_step);
  /// The points whose values tell() needs next; empty once converged.
  const std::vector<Point>& ask() const { return pending_; }
  /// The values of the points of the last ask(), in order (+∞ for a point that could not be evaluated);
  /// std::invalid_argument when their number differs from ask()'s.
  void tell(const std::vector<double>& values);
  bool converged() const { return pending_.empty(); }
  const Point& best() const { return vertices_.front(); }
  double best_value() const { return values_.front(); }

 private:
  enum class Stage { Initial, Reflect, Expand, ContractOutside, ContractInside, Shrink };
  void sort();
  void next_iteration();  // queues the reflection, or nothing when converged
  void accept(Point p, double value);
  Point along(double t) const;  // centroid + t × (centroid − worst), clamped
  void queue_shrink();

  std::vector<Point> vertices_;
  std::vector<double> values_;
  Point centroid_;
  Point reflected_;
  double reflected_value_ = 0;
  double min_step_;
  Stage stage_ = Stage::Initial;
  std::vector<Point> pending_;
};

}  // namespace reformsim::fit
