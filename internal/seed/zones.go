package seed

import (
	_ "embed"
	"fmt"
	"math/rand/v2"
	"slices"

	"github.com/qiangxian/qiangxian/internal/zone"
)

//go:embed gansu/zones.toml
var zonesTOML []byte

// ZonesMethodTOML returns the demo zone method (a copy of
// examples/gansu/zones/method.toml that a test keeps identical).
func ZonesMethodTOML() []byte { return slices.Clone(zonesTOML) }

// The demo zones' names and years.
const (
	ZonesMethodName = "gansu-zones-demo"
	// ZoneStar is the generated zone rated 优秀 11 held years running.
	ZoneStar = "SJ01"
)

var (
	// zoneImported are the held years before the system (2017 held none);
	// zoneAssessed the six years computed by the demo method.
	zoneImported = []int{2013, 2014, 2015, 2016, 2018, 2019}
	zoneAssessed = []int{2020, 2021, 2022, 2023, 2024, 2025}
)

// zoneRegion is the assessment group (分组) of a prefecture.
var zoneRegion = map[string]string{
	"620100": "中部", "620400": "中部", "621100": "中部", "622900": "中部", "623000": "中部",
	"620200": "河西", "620300": "河西", "620600": "河西", "620700": "河西", "620900": "河西",
	"620500": "陇东南", "620800": "陇东南", "621000": "陇东南", "621200": "陇东南",
}

// demoZone is a registry entry with the demo's plan for its history.
type demoZone struct {
	zone.Zone
	strength float64 // how well it does (1 = average)
	from     int     // first held year it exists (0: all)
	until    int     // last held year under this code (0: all)
}

// demoZones are the public zones (national ETDZ 兰州, 金昌, 天水, 张掖,
// 酒泉; national high-tech 兰州, 白银; 兰州新区; 嘉峪关工业园区 with three
// sub-parks) and generated provincial zones marked 示例, 47 in all today.
func demoZones() []demoZone {
	z := func(code, name, level, kind, host string, lat, lon, area, strength float64, inds ...string) demoZone {
		return demoZone{Zone: zone.Zone{Code: code, Name: name, Level: level, Kind: kind, Host: host, AreaApproved: area,
			AreaPlanned: area * 1.6, AreaBuilt: area * 0.7, Lat: lat, Lon: lon, Industries: inds}, strength: strength}
	}
	zs := []demoZone{
		z("GJ01", "兰州经济技术开发区", zone.LevelNational, zone.KindETDZ, "620100", 36.10, 103.72, 958, 1.5, "装备制造", "新材料", "生物医药"),
		z("GJ02", "金昌经济技术开发区", zone.LevelNational, zone.KindETDZ, "620300", 38.52, 102.19, 1200, 1.3, "有色金属", "新能源"),
		z("GJ03", "天水经济技术开发区", zone.LevelNational, zone.KindETDZ, "620500", 34.58, 105.72, 800, 1.7, "装备制造", "电子信息"),
		z("GJ04", "张掖经济技术开发区", zone.LevelNational, zone.KindETDZ, "620700", 38.93, 100.45, 900, 1.1, "农产品加工", "新能源"),
		z("GJ05", "酒泉经济技术开发区", zone.LevelNational, zone.KindETDZ, "620900", 39.74, 98.49, 1000, 1.25, "新能源装备", "化工"),
		z("GJ06", "兰州高新技术产业开发区", zone.LevelNational, zone.KindHighTech, "620100", 36.06, 103.87, 1100, 1.45, "生物医药", "信息技术", "新材料"),
		z("GJ07", "白银高新技术产业开发区", zone.LevelNational, zone.KindHighTech, "620400", 36.55, 104.17, 1000, 1.15, "新材料", "精细化工"),
		z("620171", "兰州新区", zone.LevelNational, zone.KindNewArea, "620100", 36.50, 103.66, 8060, 1.35, "化工", "装备制造", "数据信息"),
		z("SJ02", "嘉峪关工业园区", zone.LevelProvincial, zone.KindIndustrial, "620200", 39.80, 98.29, 2500, 1.7, "冶金", "新能源", "装备制造"),
	}
	zs[8].Subparks = []zone.Subpark{
		{Code: "SJ02-1", Name: "嘉东片区（示例）", Host: "620200", Industry: "冶金", OutputShare: 1, TaxShare: 1},
		{Code: "SJ02-2", Name: "嘉北片区（示例）", Host: "620200", Industry: "装备制造", OutputShare: 1, TaxShare: 1},
		{Code: "SJ02-3", Name: "新能源片区（示例）", Host: "620200", Industry: "新能源", OutputShare: 1, TaxShare: 1},
	}
	// Generated provincial zones (示例): names say they are not real.
	kinds := []string{zone.KindProvincial, zone.KindIndustrial, zone.KindProvincial, zone.KindAgriculture}
	prefs := []string{"620100", "620400", "621100", "622900", "623000", "620300", "620600", "620700", "620900",
		"620500", "620800", "621000", "621200"}
	names := map[string]string{"620100": "兰州", "620400": "白银", "621100": "定西", "622900": "临夏", "623000": "甘南",
		"620300": "金昌", "620600": "武威", "620700": "张掖", "620900": "酒泉", "620500": "天水", "620800": "平凉",
		"621000": "庆阳", "621200": "陇南"}
	// Approximate lat/lon of the prefecture seats (WGS84).
	seats := map[string][2]float64{"620100": {36.06, 103.83}, "620400": {36.54, 104.14}, "621100": {35.58, 104.63},
		"622900": {35.60, 103.21}, "623000": {34.98, 102.91}, "620300": {38.52, 102.19}, "620600": {37.93, 102.64},
		"620700": {38.93, 100.45}, "620900": {39.73, 98.49}, "620500": {34.58, 105.72}, "620800": {35.54, 106.67},
		"621000": {35.71, 107.64}, "621200": {33.40, 104.92}}
	rng := rand.New(rand.NewPCG(18, 2025))
	for i := 1; len(zs) < 47; i++ {
		if i == 2 {
			continue // SJ02 is 嘉峪关工业园区
		}
		host := prefs[(i-1)%len(prefs)]
		kind := kinds[i%len(kinds)]
		code := fmt.Sprintf("SJ%02d", i)
		seat := seats[host]
		d := z(code, fmt.Sprintf("%s示例%s%d（示例）", names[host], kind, i), zone.LevelProvincial, kind, host,
			seat[0]+0.3*(rng.Float64()-0.5), seat[1]+0.3*(rng.Float64()-0.5), 200+float64(rng.IntN(1500)), 0.7+0.6*rng.Float64(), "示例产业")
		d.Example = true
		zs = append(zs, d)
	}
	for i := range zs {
		zs[i].ApprovalYear = 1993 + i%20
		zs[i].ApprovalDoc = "示例文号"
		if zs[i].Example {
			zs[i].ApprovalDoc = "（示例）"
		}
	}
	return zs
}
