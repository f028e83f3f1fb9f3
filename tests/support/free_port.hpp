// A loopback port for a child that cannot pick its own (PostgreSQL, nginx).
#pragma once

namespace mamori::testing {

// free_loopback_port: a port the kernel just handed out on 127.0.0.1: free now; a caller that loses a race
// for it retries.
int free_loopback_port();

}  // namespace mamori::testing
