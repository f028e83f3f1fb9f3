#include "mamori/api/routes.hpp"

#include "system_handlers.hpp"

namespace mamori::api {

void register_routes(http::Router& router, Dependencies deps) {
    register_system_routes(router, deps);
}

}  // namespace mamori::api
