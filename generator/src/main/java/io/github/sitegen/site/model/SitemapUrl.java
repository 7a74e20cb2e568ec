package io.github.sitegen.site.model;

/**
 * One {@code <url>} of {@code sitemap.xml}.
 *
 * @param loc absolute URL
 * @param lastmod W3C date-time of the newest article on the page, or {@code ""}
 */
public record SitemapUrl(String loc, String lastmod) {}
