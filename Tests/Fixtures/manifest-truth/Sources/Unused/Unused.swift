public enum Unused {}
