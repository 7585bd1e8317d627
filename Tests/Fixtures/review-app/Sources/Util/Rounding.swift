import Data

public enum Rounding {
    public static let unit = 1
}
