public enum Palette {
    public static let accent = "orange"
}
