package method

import (
	"fmt"
	"math"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Management kinds: which end of a group's ranking a rule watches.
const (
	ManageBottom = "bottom" // the last places (降级预警, 退出预警, 不得扩区 …)
	ManageTop    = "top"    // the first places (升级推荐 …)
	// ManagePosition counts a unit in when its place in an external
	// national list (List) of the period is at most MaxPosition: a fact
	// recorded with its source, not a rank the province computes (issue
	// 18 item 3).
	ManagePosition = "position"
)

// Management is a dynamic-management rule (动态管理) of a zone assessment,
// a [[management]] table: a unit counts in for a period when fewer than
// Count units of its group that period rank strictly worse (for "top":
// strictly better) — or, with Share, fewer than ceil(Share × group size) —
// and gets Action when it counted in at least Times of the last Within held
// periods, the current one included. The rule engine is internal/zone.
type Management struct {
	Kind     string
	Count    int     // 0 when Share is used
	Share    float64 // NaN when Count is used
	Times    int     // default 1
	Within   int     // default Times
	Action   string  // 降级预警, 退出预警, 不得扩区, 升级推荐, 约谈 …
	ActionEn string
	// ExemptNewYears exempts units set up less than this many years before
	// the period (0 = no exemption); ExemptMerging exempts units being
	// merged (整合) in the period.
	ExemptNewYears int
	ExemptMerging  bool
	// ThenAverageYears and ThenCount are the optional second stage (MOFCOM's
	// downgrade proposal): among the units of a group shortlisted by the
	// rule, the action goes to those of whom fewer than ThenCount have a
	// strictly worse (for "top": better) average group rank over the last
	// ThenAverageYears held periods. 0 = no second stage.
	ThenAverageYears int
	ThenCount        int
	// Consequences are what the action brings, as data: name → amount
	// (奖补万元 = 500, 用地指标亩 = -200, 扩区优先 = 1 …); nil when none.
	Consequences map[string]float64
	// List and MaxPosition are the national list and the last place that
	// counts in, for kind "position".
	List        string
	MaxPosition int

	path string
}

func (r *reader) management(doc map[string]any) []Management {
	var out []Management
	for i, t := range r.tables(doc, "management") {
		p := fmt.Sprintf("management[%d]", i)
		r.known(t, p, "kind", "count", "share", "times", "within", "action", "action_en",
			"exempt_new_years", "exempt_merging", "then_average_years", "then_count", "consequences",
			"list", "max_position")
		g := Management{Kind: r.str(t, p, "kind", ""), Count: r.integer(t, p, "count", 0),
			Share: r.num(t, p, "share", math.NaN()), Times: r.integer(t, p, "times", 1),
			Action: r.str(t, p, "action", ""), ActionEn: r.str(t, p, "action_en", ""),
			ExemptNewYears: r.integer(t, p, "exempt_new_years", 0), ExemptMerging: r.boolean(t, p, "exempt_merging", false),
			ThenAverageYears: r.integer(t, p, "then_average_years", 0), ThenCount: r.integer(t, p, "then_count", 0),
			Consequences: r.weights(t, p, "consequences"), List: r.str(t, p, "list", ""),
			MaxPosition: r.integer(t, p, "max_position", 0), path: p}
		g.Within = r.integer(t, p, "within", g.Times)
		out = append(out, g)
	}
	return out
}

func (c *checker) management() {
	for _, g := range c.m.Management {
		p := g.path
		c.oneOf(p+".kind", g.Kind, ManageBottom, ManageTop, ManagePosition)
		if g.Kind == ManagePosition || g.List != "" || g.MaxPosition != 0 {
			c.positionRule(g)
			continue
		}
		hasCount := g.Count != 0 // count = 0 reads as absent
		hasShare := !math.IsNaN(g.Share)
		switch {
		case hasCount && hasShare:
			c.fail(p+".share", locale.M("method.mg.countshare"))
		case !hasCount && !hasShare:
			c.fail(p, locale.M("method.mg.countshare"))
		case hasCount && g.Count <= 0:
			c.fail(p+".count", locale.M("method.positive", g.Count))
		case hasShare && (g.Share <= 0 || g.Share > 1):
			c.fail(p+".share", locale.M("method.mg.share", g.Share))
		}
		if g.Times <= 0 {
			c.fail(p+".times", locale.M("method.positive", g.Times))
		}
		if g.Within < g.Times {
			c.fail(p+".within", locale.M("method.mg.within", g.Within, g.Times))
		}
		if g.Action == "" {
			c.fail(p+".action", locale.M("method.required"))
		}
		if g.ExemptNewYears < 0 {
			c.fail(p+".exempt_new_years", locale.M("method.nonneg", g.ExemptNewYears))
		}
		switch {
		case g.ThenAverageYears < 0:
			c.fail(p+".then_average_years", locale.M("method.nonneg", g.ThenAverageYears))
		case g.ThenAverageYears > 0 && g.ThenCount <= 0:
			c.fail(p+".then_count", locale.M("method.positive", g.ThenCount))
		case g.ThenAverageYears == 0 && g.ThenCount != 0:
			c.fail(p+".then_count", locale.M("method.mg.then"))
		}
	}
}

// positionRule checks a rule on a national list position: kind position
// with a list and a last place, and none of the group-rank keys.
func (c *checker) positionRule(g Management) {
	p := g.path
	switch {
	case g.Kind != ManagePosition:
		c.fail(p+".list", locale.M("method.mg.poskind"))
	case g.List == "":
		c.fail(p+".list", locale.M("method.required"))
	case g.MaxPosition <= 0:
		c.fail(p+".max_position", locale.M("method.positive", g.MaxPosition))
	case g.Count != 0 || !math.IsNaN(g.Share) || g.ThenAverageYears != 0:
		c.fail(p, locale.M("method.mg.posrank"))
	}
	if g.Times <= 0 {
		c.fail(p+".times", locale.M("method.positive", g.Times))
	}
	if g.Within < g.Times {
		c.fail(p+".within", locale.M("method.mg.within", g.Within, g.Times))
	}
	if g.Action == "" {
		c.fail(p+".action", locale.M("method.required"))
	}
}

func init() {
	locale.Register(map[string][2]string{
		"method.mg.poskind":    {"list 与 max_position 只用于 kind = \"position\"", "list and max_position go with kind = \"position\" only"},
		"method.mg.posrank":    {"kind = \"position\" 不用 count、share 与 then_average_years", "kind = \"position\" takes no count, share or then_average_years"},
		"method.mg.countshare": {"count 与 share 须给且只给一个", "give count or share, exactly one of them"},
		"method.mg.share":      {"share 应大于 0 且不超过 1，实际为 %v", "share must be above 0 and at most 1, found %v"},
		"method.mg.within":     {"within（%d）不能小于 times（%d）", "within (%d) cannot be less than times (%d)"},
		"method.mg.then":       {"then_count 须与 then_average_years 一起给出", "then_count needs then_average_years"},
	})
}
