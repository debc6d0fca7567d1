from extract.cli.main import main

main()
