// Package method reads, checks and runs an evaluation method (评价办法) kept
// as data: a TOML file with the indicator catalogue, the hierarchy and its
// per-type weights (统一指标、分类赋权), the scoring rule of every indicator,
// the events that deduct points or veto a unit, eligibility, rounding,
// tie-break, awards and grades. The package is pure: Parse takes bytes, Run
// takes tables already read, and nothing here touches files.
//
// The scoring rules themselves (efficacy coefficient, completion rate …) and
// the award selection are general and live in internal/engine (scoring.go,
// awards.go); this package binds them to the method's types.
package method

// Method is a parsed and validated evaluation method.
type Method struct {
	File     string // file name, for messages
	Source   []byte // the file as written, echoed in outputs
	Title    string
	TitleEn  string
	Sample   bool     // the method is a demonstration: outputs say 示例数据
	Decimals int      // scores are rounded to this many decimals before ranking; −1 = no rounding
	TieBreak []string // aggregate nodes whose scores break ties of the total, in turn; empty = ties share a rank
	Overall  string   // how a two-type unit's overall score is chosen: primary, max or mean

	Data       Columns
	Types      []Type
	Pipeline   Pipeline
	Indicators []Indicator
	Nodes      []Node
	Events     []EventType
	Awards     []Award
	Grades     []Grade
	Management []Management // dynamic-management rules of a zone assessment
	// NoDouble names awards a unit holds one of at most: a unit that
	// qualifies for several keeps the larger reward (then the earlier
	// award) and the next unit fills the others.
	NoDouble []string
	// Thresholds are binding indicators (约束性指标) that veto, disqualify
	// or cap the grade.
	Thresholds []Threshold
	// Restricted, when set, checks the declared types of the units in a
	// restricted development zone (限制开发区).
	Restricted *Restricted
	// RiseBaseline is what rises in rank are measured against:
	// BaselinePublished (default) or BaselineRescored.
	RiseBaseline string
	// CliffPoints is how far the total may move when one value changes
	// by 1 % of its indicator's range before method check --data warns
	// (default 0.5).
	CliffPoints float64
	// Budget is the total of the awards' amounts (万元) the method may
	// spend; NaN for none.
	Budget float64
	// Uncertainty is the optional [uncertainty] table: the uncertain
	// inputs of the method's robustness analysis (nil when absent).
	Uncertainty *Uncertainty
	// Notice is the optional [notice] table: the words of the notice
	// (通报) that the method fixes (nil when absent).
	Notice *NoticeText

	pos positions
}

// Columns names the identity columns of the data table.
type Columns struct {
	Code  string   // unit code (default 代码)
	Name  string   // unit name (default 名称)
	Types []string // type columns, primary first (default 类型, 类型2)
}

// Type is a county type (县域类型); units are ranked within each type they
// declare, and each type has its own weight vector.
type Type struct {
	Name   string
	NameEn string
	// SecondIf, when set, is the condition for ranking a unit that
	// declares this type second in it; a unit that does not meet it is
	// ranked in its first type only.
	SecondIf *Condition
}

// Pipeline selects the engine steps run on the indicator values before
// scoring, with the engine's spellings: Impute none, mean, median,
// mean-group, median-group (within the primary type); Treat none, default,
// winmax:N; Aggregate amean, gmean, hmean, genmean:P.
type Pipeline struct {
	Impute    string
	Treat     string
	Aggregate string
}

// Indicator sources: how a value is obtained.
const (
	SourceReported  = "reported"      // reported by its department as is
	SourceOfficial  = "official_rate" // an official rate imported as is (e.g. GDP growth at comparable prices)
	SourcePerCapita = "per_capita"    // numerator × factor ÷ denominator
	SourceRatio     = "ratio"         // numerator × factor ÷ denominator
	SourceGrowth    = "growth"        // (numerator ÷ base − 1) × 100
)

// Indicator is an entry of the catalogue. It is scored when it has a
// parent in the hierarchy; otherwise it is a column the method reads (a
// denominator, a base, the growth part of another indicator).
type Indicator struct {
	Code        string
	Name        string
	NameEn      string
	Unit        string
	Direction   float64 // 1 more is better, −1 less is better
	Department  string  // providing department (提供部门)
	Definition  string  // 指标解释
	Source      string
	Numerator   string  // derived sources
	Denominator string  // per_capita, ratio
	Base        string  // growth
	Factor      float64 // per_capita, ratio; default 1
	Parent      string
	Weight      float64            // weight for every type not in Weights; NaN = none
	Weights     map[string]float64 // per-type weights
	Score       *Rule              // nil for unscored indicators
	// Missing is what a missing value scores (MissingZero …; "" = the
	// default of ReportedBy); ReportedBy who reports the figures
	// (department or county); NotApplicable the types the indicator does
	// not apply to (for MissingSpread).
	Missing       string
	ReportedBy    string
	NotApplicable []string
	// Decimals is how many decimals its values are published with (pages,
	// documents, the rounded sheets of exports); −1 = not set, see Places.
	Decimals int

	path string
}

// Places is how many decimals the indicator's values are published with:
// its Decimals when the method sets them, else by its unit — 1 for a
// percentage (%), 0 for counts and yuan amounts (户, 个, 家, 人, 元, 元/人,
// 吨, 亩), 2 for everything else (亿元, 万人, 分 …).
func (i Indicator) Places() int {
	if i.Decimals >= 0 {
		return i.Decimals
	}
	switch i.Unit {
	case "%", "％":
		return 1
	case "户", "个", "家", "人", "元", "元/人", "吨", "亩", "项", "件":
		return 0
	}
	return 2
}

// Node is an aggregate of the hierarchy (an area 领域, a sub-area …).
type Node struct {
	Code    string
	Name    string
	NameEn  string
	Parent  string // "" for the top node
	Weight  float64
	Weights map[string]float64
	// WeightsFrom derives the weights of the node's children (AHP, entropy,
	// CRITIC); nil when they are fixed by their weight and weights fields.
	WeightsFrom *WeightsFrom

	path string
}

// Scoring rules.
const (
	RuleEfficacy     = "efficacy"       // 功效系数法
	RuleCompletion   = "completion"     // 目标完成率, capped
	RuleAllOrNothing = "all_or_nothing" // 完成目标得满分
	RuleRank         = "rank"           // 争先进位: full marks for 1st, minus step per place
	RuleAverageDiff  = "average_diff"   // points per step above/below an average
	RuleLevelGrowth  = "level_growth"   // level and growth scored apart, combined by weights
	RulePanel        = "panel"          // scored by a panel, supplied as data (观摩评议, 满意度)
	RuleNormalise    = "normalise"      // an engine normalisation (minmax, zscore …)
)

// Rule is how an indicator is scored; only the fields of its Rule kind
// matter. Every rule's result is then held within [Floor, Ceiling] (NaN =
// no bound).
type Rule struct {
	Rule string

	// efficacy: Satisfactory and Unacceptable are fixed numbers, or "best"
	// / "worst" for the sample's best and worst values (the max and min for
	// direction 1); scores run from Low (60) to High (100), held within when
	// Clamp.
	Satisfactory Bound
	Unacceptable Bound
	Low, High    float64
	Clamp        bool

	// completion, all_or_nothing: the target is the unit's row of the
	// targets table, else Target (NaN = none); Full is the score of exact
	// completion (100), Cap the highest completion rate counted (NaN = no
	// cap), Zero the score of a missed all-or-nothing target. Fallback
	// scores the indicator when no unit has a target (a year without
	// targets).
	Target   float64
	Full     float64
	Cap      float64
	Zero     float64
	Fallback *Rule

	// rank: Full for the first place, minus Step per place.
	Step float64

	// average_diff: Average is "mean", "median" or a fixed number (the
	// provincial figure); Base is the score at the average, Above/Below the
	// points per Unit above/below it; Whole counts completed steps only.
	Average      Bound
	Base         float64
	Above, Below float64
	Unit         float64
	Whole        bool

	// level_growth: the indicator's own value is scored by Level, the value
	// of the Growth indicator by GrowthRule, combined as LevelWeight and
	// GrowthWeight (normalised to sum 1).
	Growth       string
	LevelWeight  float64
	GrowthWeight float64
	Level        *Rule
	GrowthRule   *Rule

	// normalise: an engine normalisation with its parameters.
	Method string
	Params []float64
	Ties   string

	Floor   float64
	Ceiling float64

	// Sample is the set of units whose values a sample statistic (best,
	// worst, mean, median, rank) is taken over: SampleAll (every unit) or
	// SampleType (the units of the scored unit's primary type, so that a
	// district is compared with districts and size does not dominate).
	// Efficacy, average_diff and rank read it.
	Sample string

	path string
}

// The samples a rule's statistics may be taken over.
const (
	SampleAll  = "all"
	SampleType = "type"
)

// Bound is a number, or a word naming a statistic of the sample (best,
// worst, mean, median).
type Bound struct {
	Value float64
	Stat  string // "" when Value holds
}

// Event effects.
const (
	EffectDeduct = "deduct" // 减分
	EffectBonus  = "bonus"  // 加分
	EffectVeto   = "veto"   // 一票否决: keeps score and rank, wins no award
)

// EventType is what one kind of event (reported by a department with a
// document number) does to a unit: Points each, at most Max in total (NaN =
// no cap), or a veto.
type EventType struct {
	Type   string
	Effect string
	Points float64
	Max    float64
	Awards []string // disqualify: the awards the unit cannot win
	Grade  string   // cap_grade: the best grade the unit may get

	path string
}

// Award kinds.
const (
	AwardOverall = "overall"  // top Count of the overall ranking (十强县)
	AwardPerType = "per_type" // top Count of every type's ranking (先进县)
	AwardRise    = "rise"     // top Count by rise in overall rank against the previous published result (进步县)
)

// Award is an award and its rule. Units listed in Exclude, or of a division
// kind in ExcludeKinds (市辖区, 县, 县级市 as read from the code), and vetoed
// units cannot win it; the next eligible unit takes the place.
type Award struct {
	Name         string
	NameEn       string
	Kind         string
	Count        int
	Exclude      []string
	ExcludeKinds []string
	Note         string // why, echoed in outputs
	// Distinct (per_type only): a unit wins the award in one type at
	// most, the type where it holds the better place (its declared order
	// breaks a tie); the next unit of the other type fills.
	Distinct bool
	// Ties is what happens when units tie at the last place: TiesBreak
	// (the default) orders them by the method's tie_break keys, then by
	// the unrounded score, and lists a tie that remains as 待认定 for the
	// office to decide; TiesShare lets all of them win.
	Ties string
	// Reward is what a winner receives: Amount (万元, NaN for none) and
	// Reward (text such as 授牌).
	Reward string
	Amount float64
	// MinScore is the lowest overall (or, per type, type) score that may
	// win; NaN for none.
	MinScore float64

	path string
}

// Award tie handling.
const (
	TiesBreak = "break" // tie_break keys, then the unrounded score; what remains is 待认定
	TiesShare = "share" // all units tied at the last place win (并列)
)

// Decision is the office's decision of a tie at an award's last place
// (待认定): the units that take the places, with the meeting reference. A
// decision listing more units than places shares them (并列).
type Decision struct {
	Award     string   // award name
	Type      string   // the type of a per-type award, else ""
	Units     []string // unit codes
	Reference string   // meeting reference (会议纪要 …)
}

// Grade is a band of the overall result: a unit gets the first grade, from
// the top, whose MinScore (score ≥) and MaxRank (rank ≤), where set, it
// meets; a grade with neither catches the rest. MaxShare is an optional quota
// (优秀 ≤ 30 %: 0.3), see GradeUnits.
type Grade struct {
	Name     string
	MinScore float64 // NaN when unset
	MaxRank  float64 // NaN when unset
	MaxShare float64 // 0 when unset
}
