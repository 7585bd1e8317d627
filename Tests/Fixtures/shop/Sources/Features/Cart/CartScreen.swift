import Login

public struct CartScreen {}
