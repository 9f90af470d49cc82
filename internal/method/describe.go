package method

import (
	"math"
	"strconv"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Section is a part of a method told in words: a heading and its
// sentences, each a whole rule with its numbers.
type Section struct {
	Key   string // general, scoring, missing, events, thresholds, awards, grades, management
	Title string
	Items []string
}

// Describe tells every rule of m in words and formulas, in lang: the
// general rules (rounding, ties, two-type units, data treatment, rise
// baseline), each scored indicator's rule with its standard values, what a
// missing figure scores, events and vetoes, binding thresholds, awards
// with their ties and exclusions, grades and management rules. Sections
// without rules are left out. The words are those of the method page and
// of the method annex, so that the two say the same.
func (m *Method) Describe(lang locale.Lang) []Section {
	d := describer{m: m, lang: lang}
	var out []Section
	stop := d.t("method.d.stop")
	add := func(key string, items []string) {
		if len(items) == 0 {
			return
		}
		for i := range items {
			items[i] += stop
		}
		out = append(out, Section{Key: key, Title: d.t("method.d.sec." + key), Items: items})
	}
	add("general", d.general())
	add("scoring", d.scoring())
	add("missing", d.missing())
	add("events", d.events())
	add("thresholds", d.thresholds())
	add("awards", d.awards())
	add("grades", d.grades())
	add("management", d.management())
	return out
}

// DescribeRule tells one indicator's scoring rule in a sentence (without
// the indicator's name), for tables that list the indicators.
func (m *Method) DescribeRule(ind *Indicator, lang locale.Lang) string {
	if ind.Score == nil {
		return ""
	}
	d := describer{m: m, lang: lang}
	return d.rule(ind, ind.Score)
}

type describer struct {
	m    *Method
	lang locale.Lang
}

func (d describer) t(key string, args ...any) string { return locale.M(key, args...).In(d.lang) }

// name is an indicator's or node's name in the language.
func (d describer) name(code string) string {
	for _, ind := range d.m.Indicators {
		if ind.Code == code {
			return pickLang(d.lang, ind.Name, ind.NameEn)
		}
	}
	for _, n := range d.m.Nodes {
		if n.Code == code {
			return pickLang(d.lang, n.Name, n.NameEn)
		}
	}
	return code
}

// typeName is a county type's name in the language.
func (d describer) typeName(name string) string {
	for _, t := range d.m.Types {
		if t.Name == name {
			return pickLang(d.lang, t.Name, t.NameEn)
		}
	}
	return name
}

func (d describer) awardName(name string) string {
	for _, a := range d.m.Awards {
		if a.Name == name {
			return pickLang(d.lang, a.Name, a.NameEn)
		}
	}
	return name
}

func pickLang(lang locale.Lang, zh, en string) string {
	if lang == locale.EN && en != "" {
		return en
	}
	return zh
}

// num writes a number as a person would: no trailing zeros.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// list joins words with the language's enumeration comma.
func (d describer) list(items []string) string {
	if d.lang == locale.EN {
		return strings.Join(items, ", ")
	}
	return strings.Join(items, "、")
}

func (d describer) general() []string {
	m := d.m
	var out []string
	if m.Decimals >= 0 {
		out = append(out, d.t("method.d.decimals", m.Decimals))
	} else {
		out = append(out, d.t("method.d.noRounding"))
	}
	if len(m.TieBreak) > 0 {
		var keys []string
		for _, k := range m.TieBreak {
			keys = append(keys, d.name(k))
		}
		out = append(out, d.t("method.d.tieBreak", d.list(keys)))
	} else {
		out = append(out, d.t("method.d.tieShare"))
	}
	if len(m.Types) > 1 {
		out = append(out, d.t("method.d.overall."+orDefault(m.Overall, "primary")))
	}
	out = append(out, d.t("method.d.pipeline", d.t("method.d.impute."+pipelineKey(m.Pipeline.Impute)),
		d.t("method.d.treat."+pipelineKey(m.Pipeline.Treat)), d.t("method.d.aggregate."+pipelineKey(m.Pipeline.Aggregate))))
	if hasAward(m, AwardRise) {
		out = append(out, d.t("method.d.baseline."+orDefault(m.RiseBaseline, BaselinePublished)))
	}
	if len(m.NoDouble) > 0 {
		var names []string
		for _, a := range m.NoDouble {
			names = append(names, d.awardName(a))
		}
		out = append(out, d.t("method.d.noDouble", d.list(names)))
	}
	if !math.IsNaN(m.Budget) && m.Budget > 0 {
		out = append(out, d.t("method.d.budget", num(m.Budget)))
	}
	return out
}

// pipelineKey maps a pipeline spelling to its message key suffix: the
// word before a colon (winmax:5 → winmax, genmean:2 → genmean).
func pipelineKey(s string) string {
	if s == "" {
		return "none"
	}
	if i := strings.IndexByte(s, ':'); i >= 0 {
		return s[:i]
	}
	return s
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func hasAward(m *Method, kind string) bool {
	for _, a := range m.Awards {
		if a.Kind == kind {
			return true
		}
	}
	return false
}

func (d describer) scoring() []string {
	var out []string
	for i := range d.m.Indicators {
		ind := &d.m.Indicators[i]
		if ind.Score == nil || ind.Parent == "" {
			continue
		}
		s := d.t("method.d.indicator", d.name(ind.Code), d.rule(ind, ind.Score))
		if ind.Direction < 0 {
			s += d.t("method.d.lower")
		}
		out = append(out, s)
	}
	return out
}

// rule tells one scoring rule of ind with its numbers and bounds.
func (d describer) rule(ind *Indicator, r *Rule) string {
	var s string
	switch r.Rule {
	case RuleEfficacy:
		s = d.t("method.d.r.efficacy", num(r.Low), num(r.High-r.Low), d.bound(r.Unacceptable, ind), d.bound(r.Satisfactory, ind))
		if r.Clamp {
			s += d.t("method.d.r.clamp", num(r.Low), num(r.High))
		}
	case RuleCompletion:
		s = d.t("method.d.r.completion", num(r.Full))
		if !math.IsNaN(r.Cap) {
			s += d.t("method.d.r.cap", num(100*r.Cap))
		}
		s += d.target(ind, r)
	case RuleAllOrNothing:
		s = d.t("method.d.r.allOrNothing", num(r.Full), num(r.Zero)) + d.target(ind, r)
	case RuleRank:
		s = d.t("method.d.r.rank", num(r.Full), num(r.Step))
	case RuleAverageDiff:
		avg := d.bound(r.Average, ind)
		s = d.t("method.d.r.averageDiff", avg, num(r.Base), num(r.Unit), ind.Unit, num(r.Above), num(r.Below))
		if r.Whole {
			s += d.t("method.d.r.whole", num(r.Unit), ind.Unit)
		}
	case RuleLevelGrowth:
		total := r.LevelWeight + r.GrowthWeight
		lw, gw := 100*r.LevelWeight/total, 100*r.GrowthWeight/total
		growth := d.indicator(r.Growth)
		level, grow := "", ""
		if r.Level != nil {
			level = d.rule(ind, r.Level)
		}
		if r.GrowthRule != nil && growth != nil {
			grow = d.rule(growth, r.GrowthRule)
		}
		s = d.t("method.d.r.levelGrowth", num(math.Round(lw*100)/100), level, d.name(r.Growth), num(math.Round(gw*100)/100), grow)
	case RulePanel:
		s = d.t("method.d.r.panel", num(r.Full))
	case RuleNormalise:
		s = d.t("method.d.r.normalise", r.Method)
	default:
		s = r.Rule
	}
	switch {
	case !math.IsNaN(r.Floor) && !math.IsNaN(r.Ceiling):
		s += d.t("method.d.r.floorCeiling", num(r.Floor), num(r.Ceiling))
	case !math.IsNaN(r.Floor):
		s += d.t("method.d.r.floor", num(r.Floor))
	case !math.IsNaN(r.Ceiling):
		s += d.t("method.d.r.ceiling", num(r.Ceiling))
	}
	return s
}

// target says where a completion rule's target comes from and what a
// year without targets uses.
func (d describer) target(ind *Indicator, r *Rule) string {
	s := d.t("method.d.r.targetTable")
	if !math.IsNaN(r.Target) {
		s = d.t("method.d.r.targetFixed", num(r.Target)+ind.Unit)
	}
	if r.Fallback != nil {
		s += d.t("method.d.r.fallback", d.rule(ind, r.Fallback))
	}
	return s
}

// bound is a standard value: a fixed number with its unit, or the
// sample statistic it names.
func (d describer) bound(b Bound, ind *Indicator) string {
	if b.Stat != "" {
		return d.t("method.d.stat." + b.Stat)
	}
	return num(b.Value) + ind.Unit
}

func (d describer) indicator(code string) *Indicator {
	for i := range d.m.Indicators {
		if d.m.Indicators[i].Code == code {
			return &d.m.Indicators[i]
		}
	}
	return nil
}

// missing groups the scored indicators by what a missing figure scores:
// one sentence per policy, naming its indicators.
func (d describer) missing() []string {
	var order []string
	byMode := map[string][]string{}
	for i := range d.m.Indicators {
		ind := &d.m.Indicators[i]
		if ind.Score == nil || ind.Parent == "" {
			continue
		}
		mode := ind.Missing
		if mode == "" {
			mode = MissingOwed
			if ind.ReportedBy == ReportedByCounty {
				mode = MissingZero
			}
		}
		if _, ok := byMode[mode]; !ok {
			order = append(order, mode)
		}
		name := d.name(ind.Code)
		if mode == MissingSpread && len(ind.NotApplicable) > 0 {
			var types []string
			for _, t := range ind.NotApplicable {
				types = append(types, d.typeName(t))
			}
			name += d.t("method.d.notApplicable", d.list(types))
		}
		byMode[mode] = append(byMode[mode], name)
	}
	var out []string
	for _, mode := range order {
		out = append(out, d.t("method.d.missing."+mode, d.list(byMode[mode])))
	}
	return out
}

func (d describer) events() []string {
	var out []string
	for _, e := range d.m.Events {
		var s string
		switch e.Effect {
		case EffectVeto:
			s = d.t("method.d.e.veto", e.Type)
		case EffectBonus:
			s = d.t("method.d.e.bonus", e.Type, num(e.Points))
		case EffectDisqualify:
			var names []string
			for _, a := range e.Awards {
				names = append(names, d.awardName(a))
			}
			s = d.t("method.d.e.disqualify", e.Type, d.list(names))
		case EffectCapGrade:
			s = d.t("method.d.e.capGrade", e.Type, e.Grade)
		default:
			s = d.t("method.d.e.deduct", e.Type, num(e.Points))
		}
		if !math.IsNaN(e.Max) && (e.Effect == EffectDeduct || e.Effect == EffectBonus || e.Effect == "") {
			s += d.t("method.d.e.max", num(e.Max))
		}
		out = append(out, s)
	}
	return out
}

func (d describer) thresholds() []string {
	var out []string
	for _, th := range d.m.Thresholds {
		ind := d.indicator(th.Indicator)
		unit := ""
		if ind != nil {
			unit = ind.Unit
		}
		var cond string
		switch {
		case !math.IsNaN(th.Min) && !math.IsNaN(th.Max):
			cond = d.t("method.d.th.between", num(th.Min)+unit, num(th.Max)+unit)
		case !math.IsNaN(th.Min):
			cond = d.t("method.d.th.min", num(th.Min)+unit)
		default:
			cond = d.t("method.d.th.max", num(th.Max)+unit)
		}
		var effect string
		switch th.Effect {
		case EffectDisqualify:
			var names []string
			for _, a := range th.Awards {
				names = append(names, d.awardName(a))
			}
			effect = d.t("method.d.th.disqualify", d.list(names))
		case EffectCapGrade:
			effect = d.t("method.d.th.capGrade", th.Grade)
		default:
			effect = d.t("method.d.th.veto")
		}
		out = append(out, d.t("method.d.th", th.Name, d.name(th.Indicator), cond, effect))
	}
	return out
}

func (d describer) awards() []string {
	var out []string
	for _, a := range d.m.Awards {
		name := pickLang(d.lang, a.Name, a.NameEn)
		var s string
		switch a.Kind {
		case AwardPerType:
			s = d.t("method.d.a.perType", name, a.Count)
			if a.Distinct {
				s += d.t("method.d.a.distinct")
			}
		case AwardRise:
			s = d.t("method.d.a.rise", name, a.Count)
		default:
			s = d.t("method.d.a.overall", name, a.Count)
		}
		if !math.IsNaN(a.MinScore) {
			s += d.t("method.d.a.minScore", num(a.MinScore))
		}
		var ex []string
		for _, k := range a.ExcludeKinds {
			ex = append(ex, d.t("method.d.kind", k))
		}
		if len(a.Exclude) > 0 {
			ex = append(ex, d.t("method.d.a.listed", len(a.Exclude)))
		}
		if len(ex) > 0 {
			s += d.t("method.d.a.exclude", d.list(ex))
		}
		s += d.t("method.d.a.vetoed")
		if a.Ties == TiesShare {
			s += d.t("method.d.a.tiesShare")
		} else {
			s += d.t("method.d.a.tiesBreak")
		}
		switch {
		case a.Reward != "" && !math.IsNaN(a.Amount):
			s += d.t("method.d.a.rewardAmount", a.Reward, num(a.Amount))
		case a.Reward != "":
			s += d.t("method.d.a.reward", a.Reward)
		case !math.IsNaN(a.Amount):
			s += d.t("method.d.a.amount", num(a.Amount))
		}
		if a.Note != "" {
			s += d.t("method.d.a.note", a.Note)
		}
		out = append(out, s)
	}
	return out
}

func (d describer) grades() []string {
	var out []string
	for _, g := range d.m.Grades {
		var s string
		switch {
		case !math.IsNaN(g.MinScore) && !math.IsNaN(g.MaxRank):
			s = d.t("method.d.g.both", g.Name, num(g.MinScore), num(g.MaxRank))
		case !math.IsNaN(g.MinScore):
			s = d.t("method.d.g.score", g.Name, num(g.MinScore))
		case !math.IsNaN(g.MaxRank):
			s = d.t("method.d.g.rank", g.Name, num(g.MaxRank))
		default:
			s = d.t("method.d.g.rest", g.Name)
		}
		if g.MaxShare > 0 {
			s += d.t("method.d.g.share", num(100*g.MaxShare))
		}
		out = append(out, s)
	}
	if len(out) > 0 {
		out = append([]string{d.t("method.d.g.first")}, out...)
	}
	return out
}

func (d describer) management() []string {
	var out []string
	for _, r := range d.m.Management {
		who := d.t("method.d.m.count."+r.Kind, r.Count)
		if r.Count == 0 {
			who = d.t("method.d.m.share."+r.Kind, num(100*r.Share))
		}
		s := d.t("method.d.m.rule", who, r.Times, r.Within, pickLang(d.lang, r.Action, r.ActionEn))
		if r.ExemptNewYears > 0 {
			s += d.t("method.d.m.exemptNew", r.ExemptNewYears)
		}
		if r.ExemptMerging {
			s += d.t("method.d.m.exemptMerging")
		}
		if r.ThenAverageYears > 0 {
			s += d.t("method.d.m.then", r.ThenAverageYears, r.ThenCount)
		}
		out = append(out, s)
	}
	return out
}

func init() {
	locale.Register(map[string][2]string{
		"method.d.stop":                 {"。", "."},
		"method.d.sec.general":          {"总则", "General rules"},
		"method.d.sec.scoring":          {"计分规则", "Scoring rules"},
		"method.d.sec.missing":          {"缺失数据", "Missing figures"},
		"method.d.sec.events":           {"加减分与一票否决事项", "Events: deductions, bonuses and vetoes"},
		"method.d.sec.thresholds":       {"约束性指标", "Binding indicators"},
		"method.d.sec.awards":           {"奖项", "Awards"},
		"method.d.sec.grades":           {"等级", "Grades"},
		"method.d.sec.management":       {"动态管理", "Dynamic management"},
		"method.d.decimals":             {"综合得分和分类得分保留 %d 位小数（四舍五入）后排名", "Overall and type scores are rounded to %d decimals (half away from zero) before ranking"},
		"method.d.noRounding":           {"得分不取整，按计算值排名", "Scores are ranked unrounded"},
		"method.d.tieBreak":             {"保留小数后得分相同的，依次比较%s的得分区分名次；仍相同的名次并列", "Equal rounded scores are separated by the scores of %s in turn; units still equal share the rank"},
		"method.d.tieShare":             {"得分相同的单位名次并列（如 1、2、2、4）", "Units with equal scores share the rank (1, 2, 2, 4)"},
		"method.d.overall.primary":      {"申报两种类型的县，综合得分取第一（主）类型的得分", "A county of two types takes the score of its first (main) type as its overall score"},
		"method.d.overall.max":          {"申报两种类型的县，综合得分取两个类型得分中的较高者", "A county of two types takes the higher of its two type scores as its overall score"},
		"method.d.overall.mean":         {"申报两种类型的县，综合得分取两个类型得分的平均值", "A county of two types takes the mean of its two type scores as its overall score"},
		"method.d.pipeline":             {"计分前的数据处理：缺失值%s；离群值%s；逐级汇总采用%s", "Before scoring, missing values %s; outliers %s; scores are aggregated by %s"},
		"method.d.impute.none":          {"不插补", "are not imputed"},
		"method.d.impute.mean":          {"用全部单位的均值插补", "are imputed with the mean of all units"},
		"method.d.impute.median":        {"用全部单位的中位数插补", "are imputed with the median of all units"},
		"method.d.impute.mean-group":    {"用同类型单位的均值插补", "are imputed with the mean of the units of the same type"},
		"method.d.impute.median-group":  {"用同类型单位的中位数插补", "are imputed with the median of the units of the same type"},
		"method.d.treat.none":           {"不处理", "are not treated"},
		"method.d.treat.default":        {"按 COINr 的默认方法处理（偏度和峰度超限时最多缩尾 5 个值，仍超限的取对数）", "are treated as COINr does by default (up to 5 values winsorised while skew and kurtosis are too high, then a log transform)"},
		"method.d.treat.winmax":         {"缩尾处理", "are winsorised"},
		"method.d.aggregate.amean":      {"加权算术平均", "the weighted arithmetic mean"},
		"method.d.aggregate.gmean":      {"加权几何平均", "the weighted geometric mean"},
		"method.d.aggregate.hmean":      {"加权调和平均", "the weighted harmonic mean"},
		"method.d.aggregate.genmean":    {"加权广义平均", "the weighted generalised mean"},
		"method.d.baseline.published":   {"进步县按综合名次比上年公布的名次上升的位数评出", "Risers are ranked by the places gained against last year's published overall rank"},
		"method.d.baseline.rescored":    {"进步县按综合名次比上年数据按本办法重算的名次上升的位数评出（同口径比较）", "Risers are ranked by the places gained against last year's rank rescored with this method (like for like)"},
		"method.d.noDouble":             {"%s不兼得：同时够得上的单位保留奖励较高的一项，另一项由其后的单位递补", "%s are not held together: a unit that qualifies for both keeps the larger reward and the next unit takes the other"},
		"method.d.budget":               {"奖励总预算 %s 万元", "The awards' total budget is %s × 10,000 yuan"},
		"method.d.indicator":            {"%s：%s", "%s: %s"},
		"method.d.lower":                {"（逆向指标，数值越低越好）", " (lower is better)"},
		"method.d.r.efficacy":           {"功效系数法，得分 = %s + %s ×（实际值 − 不允许值）÷（满意值 − 不允许值），不允许值为%s，满意值为%s", "efficacy coefficient: score = %s + %s × (value − unacceptable) ÷ (satisfactory − unacceptable), with the unacceptable value %s and the satisfactory value %s"},
		"method.d.r.clamp":              {"，得分限定在 %s～%s 分", ", held within %s–%s points"},
		"method.d.r.completion":         {"目标完成率法，得分 = %s ×（实际值 ÷ 目标值）", "completion rate: score = %s × (value ÷ target)"},
		"method.d.r.cap":                {"，完成率最高按 %s%% 计", ", the completion rate counted up to %s %%"},
		"method.d.r.targetTable":        {"，目标值取自目标表", ", the target taken from the targets table"},
		"method.d.r.targetFixed":        {"，目标值为 %s", ", the target being %s"},
		"method.d.r.fallback":           {"；没有下达目标的年份改按以下规则计分：%s", "; in a year without targets it is scored by %s"},
		"method.d.r.allOrNothing":       {"完成目标得 %s 分，未完成得 %s 分", "%s points when the target is met, %s when it is not"},
		"method.d.r.rank":               {"争先进位：第 1 名得 %s 分，每后退一位减 %s 分", "rank: %s points for the first place, %s fewer for each place below"},
		"method.d.r.averageDiff":        {"与%[1]s比较：等于平均值得 %[2]s 分，每高出 %[3]s%[4]s 加 %[5]s 分，每低 %[3]s%[4]s 减 %[6]s 分", "compared with %[1]s: %[2]s points at the average, %[5]s more for each %[3]s%[4]s above and %[6]s fewer for each %[3]s%[4]s below"},
		"method.d.r.whole":              {"，不足 %s%s 的部分不计", ", counting whole steps of %s%s only"},
		"method.d.r.levelGrowth":        {"总量占 %s%%（%s）；%s占 %s%%（%s）", "the level counts %s %% (%s), %s counts %s %% (%s)"},
		"method.d.r.panel":              {"评议打分，得分 = 100 × 评分 ÷ %s", "panel mark: score = 100 × mark ÷ %s"},
		"method.d.r.normalise":          {"按标准化方法 %s 计分", "scored by the normalisation %s"},
		"method.d.r.floorCeiling":       {"，得分不低于 %s 分、不高于 %s 分", ", at least %s and at most %s points"},
		"method.d.r.floor":              {"，得分不低于 %s 分", ", at least %s points"},
		"method.d.r.ceiling":            {"，得分不高于 %s 分", ", at most %s points"},
		"method.d.stat.best":            {"样本最优值", "the best value of the sample"},
		"method.d.stat.worst":           {"样本最差值", "the worst value of the sample"},
		"method.d.stat.mean":            {"全部单位的平均值", "the mean of all units"},
		"method.d.stat.median":          {"全部单位的中位数", "the median of all units"},
		"method.d.missing.unacceptable": {"%s缺失时按不允许值计分", "%s: a missing figure scores as the unacceptable value"},
		"method.d.missing.zero":         {"%s缺失时计 0 分", "%s: a missing figure scores 0"},
		"method.d.missing.spread":       {"%s缺失时该项不计分，其权重在同级指标中重新分配", "%s: when missing, it is left out and its weight is spread over its siblings"},
		"method.d.missing.impute":       {"%s缺失时用其他单位的数值插补后计分", "%s: a missing figure is imputed from the other units before scoring"},
		"method.d.missing.owed":         {"%s由部门提供，缺失时该项暂不计分，补报前结果不得公示", "%s is supplied by a department: when missing it is left out, and the result may not go to public notice until it is supplied"},
		"method.d.notApplicable":        {"（仅限%s的县）", " (for counties of %s only)"},
		"method.d.e.veto":               {"%s：一票否决，保留得分和名次，不得获奖", "%s: veto; the unit keeps its score and rank and wins no award"},
		"method.d.e.bonus":              {"%s：每项加 %s 分", "%s: %s points added for each"},
		"method.d.e.deduct":             {"%s：每项扣 %s 分", "%s: %s points deducted for each"},
		"method.d.e.disqualify":         {"%s：取消%s评选资格", "%s: the unit cannot win %s"},
		"method.d.e.capGrade":           {"%s：等级最高评为%s", "%s: the unit is graded %s at best"},
		"method.d.e.max":                {"，合计最多 %s 分", ", at most %s points in all"},
		"method.d.th":                   {"%s：%s应%s，否则%s", "%s: %s must be %s, else %s"},
		"method.d.th.between":           {"在 %s 至 %s 之间", "between %s and %s"},
		"method.d.th.min":               {"不低于 %s", "at least %s"},
		"method.d.th.max":               {"不高于 %s", "at most %s"},
		"method.d.th.veto":              {"一票否决", "the unit is vetoed"},
		"method.d.th.disqualify":        {"取消%s评选资格", "the unit cannot win %s"},
		"method.d.th.capGrade":          {"等级最高评为%s", "the unit is graded %s at best"},
		"method.d.a.overall":            {"%s：综合排名前 %d 名", "%s: the first %d of the overall ranking"},
		"method.d.a.perType":            {"%s：每个类型排名前 %d 名", "%s: the first %d of each type's ranking"},
		"method.d.a.distinct":           {"（同一单位只在名次较好的一个类型中获奖）", " (a unit wins in one type at most, the one where it ranks better)"},
		"method.d.a.rise":               {"%s：综合名次上升位数最多的前 %d 名", "%s: the %d units that rose most in the overall ranking"},
		"method.d.a.minScore":           {"，且得分不低于 %s 分", ", with a score of at least %s"},
		"method.d.a.exclude":            {"；%s不参评", "; %s do not take part"},
		"method.d.kind":                 {"%s", "%s units"},
		"method.d.a.listed":             {"所列 %d 个单位", "the %d units listed"},
		"method.d.a.vetoed":             {"；被一票否决的单位不得获奖，由其后的单位递补", "; a vetoed unit cannot win and the next unit takes its place"},
		"method.d.a.tiesShare":          {"；末位得分相同的单位均获奖（并列）", "; units tied at the last place all win"},
		"method.d.a.tiesBreak":          {"；末位得分相同时依次比较并列规则所列得分和未取整得分，仍相同的由评价办公室认定", "; a tie at the last place is broken by the tie-break scores, then by the unrounded score, and one that remains is decided by the office"},
		"method.d.a.rewardAmount":       {"；奖励：%s，%s 万元", "; reward: %s, %s × 10,000 yuan"},
		"method.d.a.reward":             {"；奖励：%s", "; reward: %s"},
		"method.d.a.amount":             {"；奖励 %s 万元", "; reward: %s × 10,000 yuan"},
		"method.d.a.note":               {"（%s）", " (%s)"},
		"method.d.g.first":              {"等级从上到下依次判断，单位取第一个符合条件的等级", "Grades are tried from the top; a unit gets the first whose condition it meets"},
		"method.d.g.both":               {"%s：得分不低于 %s 分且名次在前 %s 名", "%s: a score of at least %s and a rank of %s or better"},
		"method.d.g.score":              {"%s：得分不低于 %s 分", "%s: a score of at least %s"},
		"method.d.g.rank":               {"%s：名次在前 %s 名", "%s: a rank of %s or better"},
		"method.d.g.rest":               {"%s：其余单位", "%s: all other units"},
		"method.d.g.share":              {"，至多占参评单位的 %s%%", ", at most %s %% of the units"},
		"method.d.m.count.bottom":       {"组内最后 %d 名", "the last %d of its group"},
		"method.d.m.count.top":          {"组内前 %d 名", "the first %d of its group"},
		"method.d.m.share.bottom":       {"组内最后 %s%%（向上取整）", "the last %s %% of its group (rounded up)"},
		"method.d.m.share.top":          {"组内前 %s%%（向上取整）", "the first %s %% of its group (rounded up)"},
		"method.d.m.rule":               {"最近 %[3]d 个评价年度中有 %[2]d 次位于%[1]s的单位：%[4]s", "A unit among %[1]s in at least %[2]d of the last %[3]d assessed years: %[4]s"},
		"method.d.m.exemptNew":          {"（设立不满 %d 年的除外）", " (except units set up less than %d years before)"},
		"method.d.m.exemptMerging":      {"（正在整合的除外）", " (except units being merged)"},
		"method.d.m.then":               {"；入围单位中按近 %d 年平均名次，最差的 %d 个提出处理建议", "; of those shortlisted, the %[2]d with the worst average rank over %[1]d years are proposed"},
	})
}

// ruleWords are the scoring rules' names as people say them.
var ruleWords = map[string][2]string{
	RuleEfficacy: {"功效系数法", "efficacy coefficient"}, RuleCompletion: {"目标完成率", "completion rate"},
	RuleAllOrNothing: {"完成目标得满分", "all or nothing"}, RuleRank: {"争先进位", "rank"},
	RuleAverageDiff: {"与平均值比较", "difference from the average"}, RuleLevelGrowth: {"总量与增速分别计分", "level and growth"},
	RulePanel: {"评议打分", "panel mark"}, RuleNormalise: {"标准化", "normalisation"},
}

// RuleName is a scoring rule's name in lang (the code when unknown).
func RuleName(rule string, lang locale.Lang) string {
	n, ok := ruleWords[rule]
	switch {
	case !ok:
		return rule
	case lang == locale.EN:
		return n[1]
	}
	return n[0]
}
