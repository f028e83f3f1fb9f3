#include "mamori/cli/cli.hpp"

int main(int argc, char** argv) {
    return mamori::cli::run(argc, argv);
}
