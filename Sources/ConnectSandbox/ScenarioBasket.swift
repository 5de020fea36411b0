import ConnectModels

/// The demo's grocery basket, and what a shopper would pick when an item is out of stock.
public enum ScenarioBasket {
    /// The simulator's default basket (mixed units); line numbers are "1"..."N" in this order.
    public static var items: [NewOrderItem] { DefaultOrder.basket }

    /// The basket with explicit line numbers, as `createOrder` takes it.
    public static var numberedItems: [NewOrderItem] {
        items.enumerated().map { index, item in
            var copy = item
            copy.lineNum = String(index + 1)
            return copy
        }
    }

    /// Known look-alikes a shopper would offer; anything else gets the store brand.
    static let lookAlikes: [String: String] = [
        "Organic Bananas": "Bananas",
        "Cantaloupe": "Honeydew Melon",
        "Russet Potatoes": "Yukon Gold Potatoes",
        "Honeycrisp Apples": "Gala Apples",
        "Whole Milk, 1 gal": "2% Reduced Fat Milk, 1 gal",
        "Large Brown Eggs, 12 ct": "Large White Eggs, 12 ct",
        "Sourdough Bread": "Rustic Italian Bread",
        "Boneless Chicken Thighs": "Bone-in Chicken Thighs",
        "Roma Tomatoes": "Vine-Ripened Tomatoes",
        "Baby Spinach, 5 oz": "Baby Spinach, 10 oz",
        "Greek Yogurt, Plain": "Greek Yogurt, Vanilla",
        "Sharp Cheddar Cheese": "Medium Cheddar Cheese",
        "Avocados": "Bagged Mini Avocados",
        "Extra Virgin Olive Oil": "Light Olive Oil",
        "Ground Coffee, Medium Roast": "Ground Coffee, Dark Roast",
    ]

    /// What the shopper suggests in place of `name`.
    public static func replacement(for name: String) -> String {
        lookAlikes[name] ?? "Store Brand \(name)"
    }
}
