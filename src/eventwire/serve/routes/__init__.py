"""The API's routers: events, articles, aggregate views, and the page with its assets."""
