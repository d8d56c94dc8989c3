// Orders three events through the kernel's queue, built from source as part of this project.
#include <cstdio>

#include "sim/engine/event_queue.hpp"

int main() {
  reformsim::sim::EventQueue queue;
  queue.push(reformsim::sim::make_event(2.0, 1, 0));
  queue.push(reformsim::sim::make_event(1.0, 2, 0));
  queue.push(reformsim::sim::make_event(1.0, 3, 0));
  int order = 0;
  while (!queue.empty()) order = order * 10 + queue.pop().kind;
  std::printf("kinds in order: %d\n", order);
  return order == 231 ? 0 : 1;
}
