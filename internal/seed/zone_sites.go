package seed

import (
	"context"
	"math"
	"math/rand/v2"
	"time"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone"
)

// putZoneSites gives every demo zone ready sites for the investment map
// (示例数据: invented figures of plausible size, not published prices):
// industrial land available (亩) and standard factory floor (m²) growing
// with the zone's approved area, and utility prices as of 30 June 2025.
// Every fifth provincial zone reports land only, so that the map shows a
// zone without prices.
func putZoneSites(ctx context.Context, db *store.DB, actor store.Actor) error {
	zs, err := db.Zones(ctx)
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(20, 6))
	day := time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)
	ss := make([]zone.Site, 0, len(zs))
	for i, z := range zs {
		area := z.AreaApproved
		if math.IsNaN(area) {
			area = 500
		}
		// 1 公顷 = 15 亩; 5–15 % of the approved area still free.
		s := zone.Site{Zone: z.Code, LandMu: math.Round(area * 15 * (0.05 + 0.1*rng.Float64())),
			FactoryM2: math.Round(area*(20+60*rng.Float64())) * 10, WaterPrice: round2(3.2 + 1.6*rng.Float64()),
			PowerPrice: round2(0.38 + 0.14*rng.Float64()), GasPrice: round2(2.4 + 0.9*rng.Float64()), PriceDate: day,
			Source: "示例数据（非官方公布价格）", Example: true}
		if z.Level == zone.LevelProvincial && i%5 == 4 {
			s.FactoryM2, s.WaterPrice, s.PowerPrice, s.GasPrice, s.PriceDate, s.Source = math.NaN(), math.NaN(), math.NaN(), math.NaN(), time.Time{}, ""
			s.Note = "示例：仅报送土地"
		}
		ss = append(ss, s)
	}
	return db.PutZoneSites(ctx, actor, ss)
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }
