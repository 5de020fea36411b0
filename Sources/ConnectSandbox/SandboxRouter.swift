import Hummingbird

/// Puts the middleware and every area's routes together.
enum SandboxRouter {
    static func build(store: SandboxStore, accessLog: AccessLog?, maxBodyBytes: Int) -> Router<BasicRequestContext> {
        let router = Router(context: BasicRequestContext.self)
        // Middleware only wraps routes added after it, so it goes first; the first added is the outermost.
        if let accessLog { router.add(middleware: AccessLogMiddleware(log: accessLog)) }
        router.add(middleware: ErrorMiddleware())
        router.add(middleware: FaultMiddleware(store: store))
        let env = RouteContext(store: store, maxBodyBytes: maxBodyBytes)
        OAuthRoutes.add(to: router, env)
        OrderRoutes.add(to: router, env)
        ChatRoutes.add(to: router, env)
        SandboxAPIRoutes.add(to: router, env)
        SimulatorRoutes.add(to: router, env)
        LinkingRoutes.add(to: router, env)
        WidgetRoutes.add(to: router, env)
        return router
    }
}
