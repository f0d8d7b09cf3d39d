import sys

from coauthor_spark.job import main

sys.exit(main())
