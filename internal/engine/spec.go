package engine

// Input is one period's data for the pipeline.
type Input struct {
	Tree   *Tree
	Raw    *Dataset            // units × indicator columns (codes of Tree.Indicators)
	Denoms *Dataset            // units × denominator columns; may be nil
	Groups map[string][]string // group column name → one label per unit of Raw
	Period string              // e.g. "2018"; "" when there is a single period
}

// ImputeSpec selects an imputation: Method is "mean" or "median"; Group,
// when not empty, names the Input.Groups column within whose groups the
// statistic is computed (COINr's i_mean_grp / i_median_grp).
type ImputeSpec struct {
	Method string
	Group  string
}

// TreatSpec selects outlier treatment with COINr's semantics. The zero value
// of SkewThresh and KurtThresh means COINr's defaults (2 and 3.5).
type TreatSpec struct {
	WinMax     int     // maximum number of points Winsorised (COINr default 5)
	SkewThresh float64 // |skew| threshold; 0 = 2
	KurtThresh float64 // kurtosis threshold; 0 = 3.5
	// Log is the transformation applied when Winsorisation fails:
	// "log_CT" (default, also ""), "log_CT_plus".
	Log string
	// Combine applies the log to the Winsorised data instead of the
	// original (COINr's combine_treat = TRUE).
	Combine bool
}

// NormSpec selects a normalisation (applied after multiplying each
// indicator by its Direction). Method is one of minmax, zscore, scaled,
// rank, borda, prank, fracmax, dist2max, dist2ref, dist2targ, goalposts,
// none. Params: minmax [l u] (default 0 100); zscore [m sd] (default 0 1);
// scaled [l u factor]. Ties ("min" default, or "average") for rank, borda and
// prank. Ref is the reference unit code for dist2ref. Cap caps dist2targ.
type NormSpec struct {
	Method string
	Params []float64
	Ties   string
	Ref    string
	Cap    bool
}

// AggSpec selects an aggregation: amean, gmean, hmean, genmean (with P),
// copeland.
type AggSpec struct {
	Method string
	P      float64
}

// Spec is a pipeline: which steps run, and how. Steps run in the order of
// the fields; a nil pointer (or false) skips its step.
type Spec struct {
	Denominate bool
	Impute     *ImputeSpec
	Screen     *float64 // byNA threshold: keep units whose share of present indicators ≥ it
	Treat      *TreatSpec
	Normalise  *NormSpec
	Aggregate  *AggSpec
}

// Stage names, in pipeline order (COINr's data set names).
const (
	StageRaw         = "Raw"
	StageDenominated = "Denominated"
	StageImputed     = "Imputed"
	StageScreened    = "Screened"
	StageTreated     = "Treated"
	StageNormalised  = "Normalised"
	StageAggregated  = "Aggregated"
)

// Stage is the data set one step produced.
type Stage struct {
	Name string
	Data *Dataset
}

// Result is one evaluated period: every stage's data set, reports of the
// steps, and the ranks of every column of the Aggregated data set.
type Result struct {
	Period string
	Stages []Stage
	Screen *ScreenReport // nil when Screen did not run
	Treat  *TreatReport  // nil when Treat did not run
	Ranks  *Dataset      // ranks (ties min, 1 = highest, NA kept) of every column of Final()
	// RankChange is previous period rank − this rank per column of Ranks (a
	// rise is positive); nil without a previous period, NA for a unit absent
	// from it.
	RankChange *Dataset
}

// Stage returns the data set of the named stage, or nil.
func (r *Result) Stage(name string) *Dataset {
	for _, s := range r.Stages {
		if s.Name == name {
			return s.Data
		}
	}
	return nil
}

// Final returns the data set of the last stage that ran: Aggregated when
// aggregation ran, else the last step's.
func (r *Result) Final() *Dataset { return r.Stages[len(r.Stages)-1].Data }
