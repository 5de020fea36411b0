// placeholder for the OrderTracking module
