// with_postgres_cluster COMMAND ARGS…: starts a private PostgreSQL cluster (support/postgres_cluster.hpp),
// runs COMMAND with MAMORI_TEST_DATABASE=postgres and MAMORI_TEST_POSTGRES_URL set, then stops and removes
// the cluster whatever COMMAND did. Exits with COMMAND's status. scripts/test.sh wraps ctest in it so every
// test process of one run shares one cluster (each test still gets its own database).
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "support/postgres_cluster.hpp"

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: with_postgres_cluster COMMAND [ARGS…]\n");
        return 2;
    }
    try {
        auto cluster = mamori::testing::PostgresCluster::start();
        setenv("MAMORI_TEST_DATABASE", "postgres", 1);
        setenv("MAMORI_TEST_POSTGRES_URL", cluster->server_url().c_str(), 1);
        std::fprintf(stderr, "with_postgres_cluster: PostgreSQL on 127.0.0.1:%d\n", cluster->port());
        // Ctrl-C reaches the command (same process group); we outlive it to clean up.
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        const pid_t pid = fork();
        if (pid < 0) return 1;
        if (pid == 0) {
            signal(SIGINT, SIG_DFL);
            signal(SIGTERM, SIG_DFL);
            execvp(argv[1], argv + 1);
            std::perror(argv[1]);
            _exit(127);
        }
        int status = 0;
        waitpid(pid, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "with_postgres_cluster: %s\n", e.what());
        return 1;
    }
}
