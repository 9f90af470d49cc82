package zone

import (
	"math"
	"strings"

	"github.com/qiangxian/qiangxian/internal/locale"
)

// Zone levels.
const (
	LevelNational   = "national"
	LevelProvincial = "provincial"
	LevelOther      = "other"
)

// Zone kinds found in practice; the registry accepts any non-empty kind.
const (
	KindETDZ        = "经济技术开发区"
	KindHighTech    = "高新技术产业开发区"
	KindBonded      = "综合保税区"
	KindProvincial  = "省级开发区"
	KindIndustrial  = "工业园区"
	KindChemical    = "化工园区"
	KindAgriculture = "农业园区"
	KindNewArea     = "国家级新区"
)

// MaxIndustries is how many leading industries a zone may name.
const MaxIndustries = 3

// Zone is a development zone of the registry. Its host is the prefecture or
// county it lies in (嘉峪关 has no county; 兰州新区 is not a county). Areas
// are 公顷 and coordinates WGS84/CGCS2000 degrees; NaN when unknown.
type Zone struct {
	Code         string // national catalogue code where one exists, else a provincial code
	Name         string
	Level        string // LevelNational, LevelProvincial or LevelOther
	Kind         string
	Host         string
	ApprovalDoc  string // 批准文件
	ApprovalYear int    // 0 = unknown
	AreaApproved float64
	AreaPlanned  float64
	AreaBuilt    float64
	Industries   []string // at most MaxIndustries
	Lat, Lon     float64
	// RiskClass is a 化工园区's 安全风险等级 (A highest risk … D), "" for
	// other kinds: a class-A park may not be rated 优秀 (see GradeCap).
	RiskClass string
	Example   bool // a generated demo zone (示例)
	Subparks  []Subpark
}

// Subpark is a park of a zone (一区多园) with its own host and industry.
// OutputShare and TaxShare (0–1, 1 for an ordinary park) are the parts of
// a shared park's (共建园区, 飞地) output and tax that the zone's score
// counts; they never move a figure between places in statistics.
type Subpark struct {
	Code, Name  string
	Host        string
	Industry    string
	OutputShare float64
	TaxShare    float64
}

// GradeCap returns the best grade z may be given under a method whose best
// grade is best: a class-A 化工园区 may not be 优秀, so it is capped at the
// grade after best; "" when there is no cap. grades are the method's grade
// names, best first.
func (z Zone) GradeCap(grades []string) string {
	if z.Kind != KindChemical || !strings.EqualFold(z.RiskClass, "A") || len(grades) < 2 {
		return ""
	}
	return grades[1]
}

// Check returns the problems of z alone, by field name (the reader locates
// them); hosts are checked by the store.
func (z Zone) Check() map[string]locale.Message {
	p := map[string]locale.Message{}
	if strings.TrimSpace(z.Code) == "" || strings.ContainsAny(z.Code, " \t\r\n,") {
		p["code"] = locale.M("zone.reg.code", z.Code)
	}
	if strings.TrimSpace(z.Name) == "" {
		p["name"] = locale.M("zone.empty", "name")
	}
	switch z.Level {
	case LevelNational, LevelProvincial, LevelOther:
	default:
		p["level"] = locale.M("zone.reg.level", z.Level)
	}
	if strings.TrimSpace(z.Kind) == "" {
		p["kind"] = locale.M("zone.empty", "kind")
	}
	if len(z.Industries) > MaxIndustries {
		p["industries"] = locale.M("zone.reg.industries", len(z.Industries))
	}
	for _, a := range []struct {
		name string
		v    float64
	}{{"area_approved", z.AreaApproved}, {"area_planned", z.AreaPlanned}, {"area_built", z.AreaBuilt}} {
		if a.v < 0 {
			p[a.name] = locale.M("zone.reg.negative", a.v)
		}
	}
	if math.Abs(z.Lat) > 90 {
		p["lat"] = locale.M("zone.reg.lat", z.Lat)
	}
	if math.Abs(z.Lon) > 180 {
		p["lon"] = locale.M("zone.reg.lon", z.Lon)
	}
	if math.IsNaN(z.Lat) != math.IsNaN(z.Lon) {
		p["lat"] = locale.M("zone.reg.latlon")
	}
	switch strings.ToUpper(z.RiskClass) {
	case "", "A", "B", "C", "D":
	default:
		p["risk_class"] = locale.M("zone.reg.risk", z.RiskClass)
	}
	return p
}

// Check returns the problems of s alone, by field name.
func (s Subpark) Check() map[string]locale.Message {
	p := map[string]locale.Message{}
	if strings.TrimSpace(s.Code) == "" || strings.ContainsAny(s.Code, " \t\r\n,") {
		p["code"] = locale.M("zone.reg.code", s.Code)
	}
	if strings.TrimSpace(s.Name) == "" {
		p["name"] = locale.M("zone.empty", "name")
	}
	if strings.TrimSpace(s.Host) == "" {
		p["host"] = locale.M("zone.empty", "host")
	}
	for _, a := range []struct {
		name string
		v    float64
	}{{"output_share", s.OutputShare}, {"tax_share", s.TaxShare}} {
		if !(a.v >= 0 && a.v <= 1) {
			p[a.name] = locale.M("zone.reg.share", a.v)
		}
	}
	return p
}

func init() {
	locale.Register(map[string][2]string{
		"zone.reg.code":       {"代码不能为空或含空白、逗号：%q", "a code cannot be empty or hold blanks or commas: %q"},
		"zone.reg.level":      {"级别应为 national、provincial 或 other（国家级、省级、其他），实际为 %q", "level must be national, provincial or other (国家级, 省级, 其他), found %q"},
		"zone.reg.industries": {"主导产业至多 3 个，实际为 %d 个", "at most 3 leading industries, found %d"},
		"zone.reg.negative":   {"面积不能为负：%v", "an area cannot be negative: %v"},
		"zone.reg.lat":        {"纬度应在 −90 与 90 之间，实际为 %v", "latitude must be between -90 and 90, found %v"},
		"zone.reg.lon":        {"经度应在 −180 与 180 之间，实际为 %v", "longitude must be between -180 and 180, found %v"},
		"zone.reg.latlon":     {"经纬度须同时给出或同时为空", "give latitude and longitude together or neither"},
		"zone.reg.risk":       {"安全风险等级应为 A、B、C、D 或空，实际为 %q", "the safety risk class must be A, B, C, D or empty, found %q"},
		"zone.reg.share":      {"分成比例应在 0 与 1 之间，实际为 %v", "a split ratio must be between 0 and 1, found %v"},
		"zone.reg.zone":       {"未知的开发区 %q（须在开发区表中）", "unknown zone %q (it must be in the zones table)"},
		"zone.reg.dup":        {"代码 %s 重复", "code %s appears twice"},
		"zone.reg.host":       {"未知的所在地 %q（须为市州或县区代码）", "unknown host %q (a prefecture or county code)"},
		"zone.reg.year":       {"期别须为年份，实际为 %q", "the period must be a year, found %q"},
		"zone.reg.bool":       {"应为 1/0、true/false 或 是/否，实际为 %q", "must be 1/0, true/false or 是/否, found %q"},
	})
}
