public struct Entity {}
