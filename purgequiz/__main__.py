from purgequiz.cli import main

raise SystemExit(main())
