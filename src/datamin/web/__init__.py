"""The live site: fetching pages within bounds, crawling one origin, rendering, trackers."""
