package mujun

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/pelletier/go-toml/v2"

	"github.com/qiangxian/qiangxian/internal/locale"
	"github.com/qiangxian/qiangxian/internal/table"
)

// Scheme is a 亩均效益 grading scheme: who is graded, on what, and how
// scores become classes. Every part is configurable; see
// examples/zones/mujun-scheme.toml.
type Scheme struct {
	Name        string      `toml:"name"`
	Decimals    *int        `toml:"decimals"` // scores rounded half away from zero to this many decimals before ranking; nil: not rounded
	Eligibility Eligibility `toml:"eligibility"`
	Indicators  []Indicator `toml:"indicator"`
	Classes     []Class     `toml:"class"` // best first
	Override    Override    `toml:"override"`
}

// Eligibility says which enterprises are graded.
type Eligibility struct {
	MinLand        float64 `toml:"min_land"`         // 亩 of land used, at least
	MinYears       int     `toml:"min_years"`        // year − start year, at least
	AboveScaleOnly bool    `toml:"above_scale_only"` // only 规上 enterprises
}

// Indicator is one scored indicator. Its points are
// Weight × min(max(value / Standard, 0), Cap).
type Indicator struct {
	Key      string  `toml:"key"`  // one of IndicatorKeys
	Name     string  `toml:"name"` // shown in outputs; defaults to the key's Chinese name
	Weight   float64 `toml:"weight"`
	Standard float64 `toml:"standard"` // the value that earns the full weight
	Cap      float64 `toml:"cap"`      // the largest value/standard ratio counted; 0 in the file means 1
}

// Class is a grade (A类 …) with its score threshold, quotas and the
// policies that go with it.
type Class struct {
	Name     string   `toml:"name"`
	MinScore float64  `toml:"min_score"` // a score at least this gets the class (first match, best first)
	MaxShare *float64 `toml:"max_share"` // at most floor(MaxShare × n) of the n graded enterprises
	MinShare *float64 `toml:"min_share"` // at least ceil(MinShare × n)
	Policies []string `toml:"policies"`  // 差别化政策: electricity, land, credit …
}

// Override sends enterprises to a class whatever their score.
type Override struct {
	Accident      string   `toml:"accident"`         // class for a major safety or environmental accident; "" = the worst class
	TaxFloor      *float64 `toml:"tax_per_mu_floor"` // 亩均税收 below this (万元/亩) …
	TaxFloorClass string   `toml:"tax_floor_class"`  // … gives this class; "" = the worst class
}

// IndicatorKeys are the indicators a scheme may use, with their Chinese
// names: value added (VA), tax and output per 亩 of land used, VA per tce
// of energy and per unit of emissions, R&D spending / output, and VA per
// employee.
var IndicatorKeys = map[string]string{
	"tax_per_mu":      "亩均税收",
	"va_per_mu":       "亩均增加值",
	"output_per_mu":   "亩均产值",
	"va_per_energy":   "单位能耗增加值",
	"va_per_emission": "单位排放增加值",
	"rd_share":        "研发投入占比",
	"va_per_employee": "全员劳动生产率",
}

// ParseScheme decodes and checks a scheme. Problems are located table
// Errors (FILE:LINE:COL for syntax, FILE:LINE for the rest).
func ParseScheme(file string, src []byte) (*Scheme, error) {
	var s Scheme
	d := toml.NewDecoder(bytes.NewReader(src))
	d.DisallowUnknownFields()
	if err := d.Decode(&s); err != nil {
		var de *toml.DecodeError
		var se *toml.StrictMissingError
		switch {
		case errors.As(err, &se):
			var es table.Errors
			for _, e := range se.Errors {
				l, c := e.Position()
				es = append(es, &table.Error{File: file, Line: l, Col: c, Msg: locale.M("mujun.unknown", strings.Join(e.Key(), "."))})
			}
			return nil, es
		case errors.As(err, &de):
			l, c := de.Position()
			return nil, table.Errors{{File: file, Line: l, Col: c, Msg: locale.M("mujun.toml", de.Error())}}
		}
		return nil, table.Errors{{File: file, Msg: locale.M("mujun.toml", err.Error())}}
	}
	var es table.Errors
	bad := func(tbl string, i int, key, msg string, args ...any) {
		es = append(es, &table.Error{File: file, Line: locate(src, tbl, i, key), Msg: locale.M(msg, args...)})
	}
	if s.Decimals != nil && (*s.Decimals < 0 || *s.Decimals > 10) {
		bad("", 0, "decimals", "mujun.s.decimals", *s.Decimals)
	}
	if len(s.Indicators) == 0 {
		bad("", 0, "", "mujun.s.noind")
	}
	seen := map[string]bool{}
	for i := range s.Indicators {
		in := &s.Indicators[i]
		if _, ok := IndicatorKeys[in.Key]; !ok {
			bad("indicator", i, "key", "mujun.s.key", in.Key, strings.Join(sortedKeys(), ", "))
		} else if seen[in.Key] {
			bad("indicator", i, "key", "mujun.s.dupkey", in.Key)
		}
		seen[in.Key] = true
		if in.Name == "" {
			in.Name = IndicatorKeys[in.Key]
		}
		if !(in.Weight > 0) {
			bad("indicator", i, "weight", "mujun.s.positive", "weight", in.Weight)
		}
		if !(in.Standard > 0) {
			bad("indicator", i, "standard", "mujun.s.positive", "standard", in.Standard)
		}
		if in.Cap == 0 {
			in.Cap = 1
		} else if !(in.Cap > 0) {
			bad("indicator", i, "cap", "mujun.s.positive", "cap", in.Cap)
		}
	}
	if len(s.Classes) == 0 {
		bad("", 0, "", "mujun.s.noclass")
	}
	names := map[string]bool{}
	for i, c := range s.Classes {
		if c.Name == "" || names[c.Name] {
			bad("class", i, "name", "mujun.s.classname", c.Name)
		}
		names[c.Name] = true
		if i > 0 && !(c.MinScore < s.Classes[i-1].MinScore) {
			bad("class", i, "min_score", "mujun.s.order", c.MinScore, s.Classes[i-1].MinScore)
		}
		for _, sh := range []struct {
			key string
			v   *float64
		}{{"max_share", c.MaxShare}, {"min_share", c.MinShare}} {
			if sh.v != nil && !(*sh.v >= 0 && *sh.v <= 1) {
				bad("class", i, sh.key, "mujun.s.share", sh.key, *sh.v)
			}
		}
		if c.MaxShare != nil && i == len(s.Classes)-1 {
			bad("class", i, "max_share", "mujun.s.lastmax", c.Name)
		}
		if c.MinShare != nil && i == 0 {
			bad("class", i, "min_share", "mujun.s.firstmin", c.Name)
		}
		if c.MaxShare != nil && c.MinShare != nil {
			bad("class", i, "min_share", "mujun.s.both", c.Name)
		}
	}
	if s.Eligibility.MinLand < 0 || math.IsNaN(s.Eligibility.MinLand) || s.Eligibility.MinYears < 0 {
		bad("eligibility", 0, "", "mujun.s.elig")
	}
	if len(s.Classes) > 0 {
		worst := s.Classes[len(s.Classes)-1].Name
		for _, o := range []struct {
			key string
			v   *string
		}{{"accident", &s.Override.Accident}, {"tax_floor_class", &s.Override.TaxFloorClass}} {
			if *o.v == "" {
				*o.v = worst
			} else if !names[*o.v] {
				bad("override", 0, o.key, "mujun.s.noclassname", *o.v)
			}
		}
	}
	if len(es) > 0 {
		return nil, es
	}
	return &s, nil
}

// ClassIndex returns the index of the named class, or −1.
func (s *Scheme) ClassIndex(name string) int {
	for i, c := range s.Classes {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// locate returns the line of key in the i-th [[tbl]] (or [tbl]) table of
// src, the table's header line when key is absent, or 1 for the document.
func locate(src []byte, tbl string, i int, key string) int {
	sc := bufio.NewScanner(bytes.NewReader(src))
	line, found, n := 0, 0, -1
	in := tbl == ""
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if strings.HasPrefix(l, "[") {
			name := strings.Trim(l, "[] \t")
			if j := strings.IndexByte(l, '#'); j >= 0 {
				name = strings.Trim(l[:j], "[] \t")
			}
			if name == tbl {
				n++
			}
			in = name == tbl && n == i
			if in {
				found = line
			}
			continue
		}
		if in && key != "" {
			if k, _, ok := strings.Cut(l, "="); ok && strings.TrimSpace(k) == key {
				return line
			}
		}
	}
	return max(found, 1)
}

func sortedKeys() []string {
	ks := []string{"tax_per_mu", "va_per_mu", "output_per_mu", "va_per_energy", "va_per_emission", "rd_share", "va_per_employee"}
	if len(ks) != len(IndicatorKeys) {
		panic(fmt.Sprint("mujun: indicator keys out of step: ", len(IndicatorKeys)))
	}
	return ks
}

func init() {
	locale.Register(map[string][2]string{
		"mujun.toml":          {"方案文件格式错误：%s", "scheme syntax error: %s"},
		"mujun.unknown":       {"未知的键 %s", "unknown key %s"},
		"mujun.s.noind":       {"方案没有 [[indicator]]", "the scheme has no [[indicator]]"},
		"mujun.s.noclass":     {"方案没有 [[class]]", "the scheme has no [[class]]"},
		"mujun.s.key":         {"未知指标 %q；可用：%s", "unknown indicator %q; known: %s"},
		"mujun.s.dupkey":      {"指标 %s 重复", "indicator %s appears twice"},
		"mujun.s.positive":    {"%s 应为正数，实际为 %v", "%s must be positive, found %v"},
		"mujun.s.classname":   {"类别名称 %q 为空或重复", "class name %q is empty or repeated"},
		"mujun.s.order":       {"类别应按 min_score 从高到低排列：%v 不低于上一类的 %v", "classes must go from the highest min_score down: %v is not below the previous %v"},
		"mujun.s.share":       {"%s 应在 0 与 1 之间，实际为 %v", "%s must be between 0 and 1, found %v"},
		"mujun.s.both":        {"类别 %s 不能同时有 max_share 和 min_share", "class %s cannot have both max_share and min_share"},
		"mujun.s.lastmax":     {"最低一类 %s 不能有 max_share（无处可降）", "the worst class %s cannot have max_share (nowhere to move down to)"},
		"mujun.s.firstmin":    {"最高一类 %s 不能有 min_share（无人可调入）", "the best class %s cannot have min_share (nobody to move in)"},
		"mujun.s.decimals":    {"decimals 应在 0 与 10 之间，实际为 %d", "decimals must be between 0 and 10, found %d"},
		"mujun.s.elig":        {"参评条件 min_land 与 min_years 不能为负", "eligibility min_land and min_years cannot be negative"},
		"mujun.s.noclassname": {"没有名为 %q 的类别", "no class named %q"},
	})
}
