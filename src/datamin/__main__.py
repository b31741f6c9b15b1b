from datamin.cli import main

raise SystemExit(main())
