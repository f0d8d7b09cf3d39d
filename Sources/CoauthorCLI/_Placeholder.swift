public enum Coauthor { public static func main() {} }
