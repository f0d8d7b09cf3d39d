import ArgumentParser
import CoauthorCLI

Coauthor.main()
