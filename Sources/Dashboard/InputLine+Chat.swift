import ConnectModels
import TerminalUI

extension InputLine {
    /// The length the chat service checks (Unicode scalars: the server counts code points, not graphemes).
    var chatLength: Int { SendChatMessageRequest.length(of: text) }
}
