import CoauthorCLI
Coauthor.main()
