import KitCore

public struct Kit {}
