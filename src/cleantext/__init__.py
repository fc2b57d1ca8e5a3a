"""cleantext: a web page or scraped text in, the article's paragraphs out, every drop explained."""
