# Produces psych-alpha.json: what R psych::alpha returns for three response tables, so that
# Psychometrics.CronbachAlpha is checked against the peer tool itself (PsychometricsPsychReferenceTests).
# Run from this folder with Debian's r-base-core 4.2.2, r-cran-psych 2.2.9 and r-cran-jsonlite:
#   Rscript psych-alpha.R
# The tables are R's own datasets: `attitude` (datasets package, Chatterjee & Price 1977; 30 x 7, complete) and
# psych's `bfi` agreeableness items A1-A5 (Revelle; 2800 x 5, 1..6 scale, some NA). A1 is reverse-keyed
# (7 - x, the form psych's keys argument uses on a 1..6 scale) before alpha is called, because
# Psychometrics expects keyed items.
suppressMessages(library(psych))
data(attitude)
data(bfi)

case <- function(name, x, use) {
  a <- suppressWarnings(suppressMessages(alpha(x, use = use, warnings = FALSE)))
  list(
    name = name,
    use = use,
    items = colnames(x),
    rows = unname(lapply(seq_len(nrow(x)), function(r) unname(as.numeric(x[r, ])))),
    raw_alpha = unname(a$total$raw_alpha),
    alpha_drop = unname(a$alpha.drop$raw_alpha),
    r_drop = unname(a$item.stats$r.drop),
    mean = unname(a$item.stats$mean),
    sd = unname(a$item.stats$sd))
}

agree <- bfi[, c("A1", "A2", "A3", "A4", "A5")]
agree$A1 <- 7 - agree$A1
complete <- agree[complete.cases(agree), ]

cases <- list(
  case("attitude", as.matrix(attitude), "pairwise"),
  case("bfi-agreeableness-complete", as.matrix(complete), "pairwise"),
  # With missing values and use = "complete.obs", psych's covariance matrix (and so alpha, alpha.drop and r.drop)
  # is listwise, as Psychometrics is; psych's item means and SDs still use every available value.
  case("bfi-agreeableness-listwise", as.matrix(agree), "complete.obs"))

out <- list(
  generator = paste0("R ", R.version$major, ".", R.version$minor, ", psych ", packageVersion("psych")),
  script = "psych-alpha.R",
  cases = cases)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = FALSE), "psych-alpha.json")
