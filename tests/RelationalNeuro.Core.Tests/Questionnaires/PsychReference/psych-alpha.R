# Produces psych-alpha.json: what R psych::alpha returns for three response tables, so that
# Psychometrics.CronbachAlpha is checked against the peer tool itself (PsychometricsPsychReferenceTests).
# Run from this folder with Debian's r-base-core 4.2.2, r-cran-psych 2.2.9 and r-cran-jsonlite:
#   Rscript psych-alpha.R
# The tables are R's own datasets: `attitude` (datasets package, Chatterjee & Price 1977; 30 x 7, complete) and
# psych's `bfi` agreeableness items A1-A5 (Revelle; 2800 x 5, 1..6 scale, some NA). A1 is reverse-keyed
# (7 - x, the form psych's keys argument uses on a 1..6 scale) before alpha is called in the first bfi cases; the
# "keys" case passes the raw items and lets psych reverse A1, as Psychometrics.CronbachAlpha does with reverse-keyed columns.
# Fields: raw_alpha, std_alpha, average_r (psych total), alpha_drop and alpha_drop_std (alpha.drop raw/std), r_drop and
# raw_r (item.stats r.drop and raw.r, the corrected and uncorrected item-total correlations), mean, sd.
suppressMessages(library(psych))
data(attitude)
data(bfi)

case <- function(name, x, use, keys = NULL) {
  a <- suppressWarnings(suppressMessages(alpha(x, keys = keys, use = use, warnings = FALSE)))
  list(
    name = name,
    use = use,
    items = colnames(x),
    # Columns psych reversed itself (keys), 0-based; empty when the table is already keyed.
    reversed = I(if (is.null(keys)) integer(0) else which(keys < 0) - 1L),
    rows = unname(lapply(seq_len(nrow(x)), function(r) unname(as.numeric(x[r, ])))),
    raw_alpha = unname(a$total$raw_alpha),
    std_alpha = unname(a$total$std.alpha),
    average_r = unname(a$total$average_r),
    alpha_drop = unname(a$alpha.drop$raw_alpha),
    alpha_drop_std = unname(a$alpha.drop$std.alpha),
    r_drop = unname(a$item.stats$r.drop),
    raw_r = unname(a$item.stats$raw.r),
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
  case("bfi-agreeableness-listwise", as.matrix(agree), "complete.obs"),
  # psych reverses A1 itself (keys = -1: x' = max + min - x with the observed 1..6, the declared scale of bfi), on the raw items.
  case("bfi-agreeableness-keys", as.matrix(bfi[complete.cases(bfi[, 1:5]), c("A1", "A2", "A3", "A4", "A5")]), "pairwise",
       keys = c(-1, 1, 1, 1, 1)))

out <- list(
  generator = paste0("R ", R.version$major, ".", R.version$minor, ", psych ", packageVersion("psych")),
  script = "psych-alpha.R",
  cases = cases)
writeLines(jsonlite::toJSON(out, auto_unbox = TRUE, digits = NA, na = "null", pretty = FALSE), "psych-alpha.json")
