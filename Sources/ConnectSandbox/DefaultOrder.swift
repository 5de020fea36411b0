import ConnectModels

/// What a simulator order gets when the request leaves things out.
enum DefaultOrder {
    /// The address of the documented handling sample.
    static let address = Address(addressLine1: "501 Belt Line Rd", locality: "Collinsville", administrativeArea: "IL",
                                 postalCode: "62234", countryCode: "US")
    static let coordinates = Coordinates(latitude: 38.6924568, longitude: -89.9785745)
    /// Where the shopper starts driving from when nobody moved them: a store a few kilometres away.
    static func storeLocation(near home: Coordinates) -> Coordinates {
        Coordinates(latitude: home.latitude + 0.021, longitude: home.longitude - 0.034)
    }

    static let customerName = "Sierra"
    static let shopperNames = ["Zelma", "Marcus", "Priya", "Tomás", "Aiko", "Dariusz", "Fatima", "Gus"]

    /// A realistic weekly basket with mixed units.
    static let basket: [NewOrderItem] = [
        NewOrderItem(name: "Organic Bananas", quantity: FlexibleNumber("6.0"), costUnit: .each),
        NewOrderItem(name: "Cantaloupe", quantity: FlexibleNumber("1.0"), costUnit: .each),
        NewOrderItem(name: "Honeycrisp Apples", quantity: FlexibleNumber("2.5"), costUnit: .lb),
        NewOrderItem(name: "Whole Milk, 1 gal", quantity: FlexibleNumber("1.0"), costUnit: .each),
        NewOrderItem(name: "Large Brown Eggs, 12 ct", quantity: FlexibleNumber("1.0"), costUnit: .each),
        NewOrderItem(name: "Sourdough Bread", quantity: FlexibleNumber("1.0"), costUnit: .each),
        NewOrderItem(name: "Boneless Chicken Thighs", quantity: FlexibleNumber("1.2"), costUnit: .kg),
        NewOrderItem(name: "Roma Tomatoes", quantity: FlexibleNumber("1.5"), costUnit: .lb),
        NewOrderItem(name: "Baby Spinach, 5 oz", quantity: FlexibleNumber("1.0"), costUnit: .each),
        NewOrderItem(name: "Greek Yogurt, Plain", quantity: FlexibleNumber("2.0"), costUnit: .each),
        NewOrderItem(name: "Sharp Cheddar Cheese", quantity: FlexibleNumber("0.5"), costUnit: .kg),
        NewOrderItem(name: "Avocados", quantity: FlexibleNumber("3.0"), costUnit: .each),
        NewOrderItem(name: "Russet Potatoes", quantity: FlexibleNumber("5.0"), costUnit: .lb),
        NewOrderItem(name: "Extra Virgin Olive Oil", quantity: FlexibleNumber("1.0"), costUnit: .each),
        NewOrderItem(name: "Ground Coffee, Medium Roast", quantity: FlexibleNumber("1.0"), costUnit: .each),
    ]

    static func imageURL(for name: String) -> String {
        let slug = name.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        return "https://example.com/product-image/file/\(slug).png"
    }

    static let pickupInstructions = [
        PickupInstruction(category: "curbside", instruction: "Park in a numbered pickup spot by the store entrance."),
        PickupInstruction(category: "curbside", instruction: "Tap \"I'm here\" and stay in your car; we will bring your order out."),
    ]
}
