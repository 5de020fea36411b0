import Foundation
import TestSupport
import Testing
import TerminalUI
@testable import Board
@testable import Dashboard

/// Text snapshots of board frames, stored beside the tests; `ORDERTOP_RECORD=1` records them again.
enum BoardSnapshot {
    static let store = SnapshotStore(besideFile: #filePath)

    /// Rows that are not exactly the canvas's width, wide graphemes without their second half, control characters.
    static func violations(_ canvas: Canvas) -> [String] { SnapshotStore.cellViolations(canvas) }
}
