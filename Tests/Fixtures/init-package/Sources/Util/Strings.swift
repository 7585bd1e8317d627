public enum Strings {
    public static func trimmed(_ s: String) -> String { s }
}
