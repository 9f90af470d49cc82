package notice

import (
	"fmt"
	"math"
	"os"
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/auth"
	"github.com/qiangxian/qiangxian/internal/method"
	"github.com/qiangxian/qiangxian/internal/store"
)

// fixture is a run of the Gansu example method over 30 counties in two
// prefectures: county i (0 … 29) ranks i+1 overall with score 90 − i/2,
// is of type i%5, ranks i/5+1 within it, and rose 30 − i places; the top
// ten are 十强县, the first two of each type 先进县, counties 10 … 19 进步县
// (十强县 and 进步县 are not held together); county 29 is vetoed. Its
// 地区生产总值 is 100 + i (亿元): total 30·100 + (0+…+29) = 3000 + 435 =
// 3435, and 20 counties (i = 10 … 29) are above 109.
func fixture(t testing.TB, vis auth.Visibility) Input {
	t.Helper()
	src, err := os.ReadFile("../../examples/gansu/method.toml")
	if err != nil {
		t.Fatal(err)
	}
	m, err := method.Parse("method.toml", src)
	if err != nil {
		t.Fatal(err)
	}
	units := map[string]store.Unit{
		"620100": {Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture},
		"620200": {Code: "620200", Name: "嘉峪关市", Kind: store.UnitPrefecture},
	}
	types := map[string][]string{}
	var rows []store.Result
	gdp := map[string]float64{}
	root := m.Root()
	for i := range 30 {
		code := fmt.Sprintf("6201%02d", i+1)
		parent := "620100"
		if i >= 15 {
			parent = "620200"
		}
		units[code] = store.Unit{Code: code, Name: fmt.Sprintf("示例%d县", i+1), Kind: store.UnitCounty, Parent: parent}
		typ := m.Types[i%5].Name
		types[code] = []string{typ}
		var awards []string
		switch {
		case i < 10:
			awards = append(awards, "十强县")
		case i < 20:
			awards = append(awards, "进步县")
		}
		if i/5 < 2 {
			awards = append(awards, "先进县("+typ+")")
		}
		score := 90 - float64(i)/2
		rows = append(rows,
			store.Result{Unit: code, Node: root, Score: score, Rank: float64(i + 1), Vetoed: i == 29, Awards: awards,
				RankChange: float64(30 - i), GroupRank: math.NaN()},
			store.Result{Unit: code, Node: root, Score: score, Rank: float64(i + 1), Group: typ,
				GroupRank: float64(i/5 + 1), RankChange: math.NaN()})
		gdp[code] = 100 + float64(i)
	}
	return Input{
		Run:     store.Run{ID: 7, Period: "2022", Visibility: vis, State: auth.StatePublished, Hash: "0123456789abcdef0123"},
		Method:  m,
		Units:   units,
		Types:   types,
		Results: rows,
		Settings: Settings{Issuer: "××省县域经济发展综合评价工作领导小组办公室（示例）", Approval: "经省政府同意",
			Basis: "《××省县域经济发展综合评价考核办法（试行）》（示例〔2021〕41号）", Demands: "各地要对标先进、找准差距。",
			Note: "（此件公开发布）", CC: "省委办公厅，省人大常委会办公厅", Printer: "××省县域经济发展综合评价工作领导小组办公室",
			Summary: []Phrase{
				{Indicator: "gdp", Stat: StatSum, Decimals: 0, Text: "参评县（市、区）地区生产总值合计%s亿元"},
				{Indicator: "gdp", Stat: StatCountAbove, Above: 109, Text: "超过109亿元的%s个"},
			}},
		Registration: Registration{DocNumber: "示例〔2023〕1号", Signed: time.Date(2023, 6, 8, 0, 0, 0, 0, time.UTC)},
		Values:       map[string]map[string]float64{"gdp": gdp},
		Vetoes:       map[string]string{"620130": "发生较大安全生产事故"},
		Today:        time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC),
	}
}

// testFont loads the PDF font; in CI its absence is a failure.
func testFont(t testing.TB) *Font {
	t.Helper()
	p := FontPath()
	if p == "" {
		if os.Getenv("CI") != "" {
			t.Fatal("no TrueType CJK font (apt-get install fonts-arphic-gbsn00lp)")
		}
		t.Skip("no TrueType CJK font (fonts-arphic-gbsn00lp)")
	}
	ft, err := LoadFont(p)
	if err != nil {
		t.Fatal(err)
	}
	return ft
}
