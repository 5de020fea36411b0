/// What the scripted shopper says: a few variants of each line, chosen by the seed.
public enum ScenarioLines {
    /// Names the scripted shopper introduces themselves with.
    public static let shopperNames = ["Zelma", "Marcus", "Priya", "Tomás", "Aiko", "Dariusz", "Fatima", "Gus"]

    static func greeting(shopper: String, customer: String?, using rng: inout ScenarioRandom) -> String {
        let hello = customer.map { "Hi \($0)" } ?? "Hi"
        return rng.pick([
            "\(hello), this is \(shopper), your shopper. I'm just getting started on your shopping list.",
            "\(hello)! \(shopper) here. I've got your list and I'm heading into the store now.",
            "\(hello), I'm \(shopper) and I'll be shopping your order today. Message me if anything changes!",
        ])
    }

    static func replacementQuestion(original: String, replacement: String, using rng: inout ScenarioRandom) -> String {
        rng.pick([
            "They're out of \(original). I picked \(replacement) instead. Is that OK? You can approve or reject it.",
            "No \(original) on the shelf today, so I grabbed \(replacement). Does that work for you?",
            "Quick question: \(original) is sold out. Would \(replacement) be alright?",
        ])
    }

    static func refund(original: String, using rng: inout ScenarioRandom) -> String {
        rng.pick([
            "Sorry, \(original) is out of stock and there's nothing close, so I've marked it for a refund.",
            "I couldn't find \(original) anywhere, so you'll get a refund for it.",
        ])
    }

    static func lastMileHello(shopper: String, customer: String?, using rng: inout ScenarioRandom) -> String {
        let hello = customer.map { "Hi \($0)" } ?? "Hi"
        return rng.pick([
            "\(hello), this is \(shopper). I'll be delivering your order today.",
            "\(hello)! \(shopper) here, I accepted your delivery and I'm heading to the store.",
        ])
    }

    /// The moments the shopper marks with a line that names nothing from the order.
    enum Moment {
        case verifying, onMyWay, arrived, readyForPickup, bringingOut, atStore
    }

    static func line(for moment: Moment, using rng: inout ScenarioRandom) -> String {
        rng.pick(variants(of: moment))
    }

    private static func variants(of moment: Moment) -> [String] {
        switch moment {
        case .verifying: [
            "Almost done! Just checking the replacements before I head to checkout.",
            "That's most of the list. Give me a moment to double-check the replacements.",
        ]
        case .onMyWay: [
            "All checked out. I'm on my way!",
            "On my way now, see you soon!",
            "Your groceries are in the car and I'm on my way.",
        ]
        case .arrived: [
            "I'm here! Leaving your bags at the door.",
            "Just pulled up. Your order is at the front door. Enjoy!",
        ]
        case .readyForPickup: [
            "Your order is bagged and ready for pickup. Tap \"I'm here\" when you arrive.",
            "All done! Your groceries are ready for pickup whenever you are.",
        ]
        case .bringingOut: [
            "I see you're here. Bringing your order out now!",
            "Thanks for coming! I'll be right out with your bags.",
        ]
        case .atStore: [
            "I'm at the store picking up your bags.",
            "At the store now, the staff are bringing your order out.",
        ]
        }
    }

    /// A short reply in character to a customer's own message.
    public static func reply(to message: String, using rng: inout ScenarioRandom) -> String {
        let text = message.lowercased()
        // Whole words, so "no," counts and "know" does not.
        let words = Set(text.split { !($0.isLetter || $0 == "'" || $0 == "\u{2019}") }.map { $0.replacingOccurrences(of: "\u{2019}", with: "'") })
        func has(_ wanted: [String]) -> Bool { wanted.contains { words.contains($0) } }
        if has(["thanks", "thank", "thx", "ty", "cheers"]) {
            return rng.pick(["You're welcome!", "Happy to help!", "Anytime!"])
        }
        if has(["no", "nope", "reject", "don't", "dont", "not", "skip", "instead"]) {
            return rng.pick(["No problem, I'll put it back.", "Got it, I'll skip that one.", "Understood, I'll look for something else."])
        }
        if has(["yes", "yep", "yeah", "ok", "okay", "sure", "fine", "great", "approve", "approved", "perfect"]) {
            return rng.pick(["Great, I'll keep it in the cart.", "Perfect, thanks!", "Sounds good!"])
        }
        if text.contains("?") {
            return rng.pick(["Good question, let me check and get back to you.", "Let me look, one moment!"])
        }
        return rng.pick(["Got it, thanks!", "Thanks for letting me know!", "Noted!"])
    }
}
