import ConnectModels
import Foundation
import Hummingbird

/// The custom widgets' `POST /idp/v1/init`, cookie based.
enum WidgetRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        router.post("/idp/v1/init") { request, _ -> Response in
            let cookie = sessionCookie(in: request.headers[values: .cookie])
            let (status, newSession) = await env.store.initSession(cookie: cookie)
            guard status == 200 else {
                throw SandboxError.forbidden("The session cookie is not valid: clear it and call init again", key: SandboxStore.sessionCookie)
            }
            var response = JSONReply.response(EmptyObject())
            if let newSession {
                response.headers[.setCookie] = "\(SandboxStore.sessionCookie)=\(newSession); Path=/; HttpOnly; SameSite=Lax"
            }
            return response
        }
    }

    /// The session cookie's value, from any of the request's Cookie headers.
    static func sessionCookie(in headers: [String]) -> String? {
        for header in headers {
            for pair in header.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if parts.count == 2, parts[0] == SandboxStore.sessionCookie { return parts[1] }
            }
        }
        return nil
    }
}
