package store_test

import (
	"testing"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// seed loads a small Gansu: the province, two prefectures, four counties, a
// zone hosted by 兰州市 with a sub-park, and two indicators of two departments.
func seed(t *testing.T, db *store.DB) {
	t.Helper()
	units := []store.Unit{
		{Code: "620000", Name: "甘肃省", Kind: store.UnitProvince},
		{Code: "620100", Name: "兰州市", Kind: store.UnitPrefecture, Parent: "620000"},
		{Code: "620800", Name: "平凉市", Kind: store.UnitPrefecture, Parent: "620000"},
		{Code: "620121", Name: "永登县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620122", Name: "皋兰县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620123", Name: "榆中县", Kind: store.UnitCounty, Parent: "620100"},
		{Code: "620821", Name: "泾川县", Kind: store.UnitCounty, Parent: "620800"},
		{Code: "620171", Name: "兰州新区", Kind: store.UnitZone, Host: "620100"},
		{Code: "620171-01", Name: "兰州新区精细化工园", Kind: store.UnitSubpark, Parent: "620171"},
	}
	if err := db.PutUnits(ctx, alice, units); err != nil {
		t.Fatal(err)
	}
	inds := []store.Indicator{
		{Code: "gdp", NameZH: "地区生产总值", NameEN: "GDP", Unit: "亿元", Direction: 1, Department: "统计局", Definition: "按当年价格计算"},
		{Code: "rev", NameZH: "一般公共预算收入", Unit: "亿元", Direction: 1, Department: "财政厅"},
	}
	if err := db.PutIndicators(ctx, alice, inds); err != nil {
		t.Fatal(err)
	}
}

func obs(unit, ind, period string, v float64) store.Observation {
	return store.Observation{Unit: unit, Indicator: ind, Period: period, Value: v}
}
