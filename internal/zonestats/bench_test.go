package zonestats_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/qiangxian/qiangxian/internal/store"
	"github.com/qiangxian/qiangxian/internal/zone/mujun"
	"github.com/qiangxian/qiangxian/internal/zonestats"
)

// BenchmarkGrade50000 grades 50,000 stored enterprises with the example
// scheme as the import does: conversion, grading, quotas and the reasons
// in both languages (the store's write is not included).
func BenchmarkGrade50000(b *testing.B) {
	src, err := os.ReadFile("../../examples/zones/mujun-scheme.toml")
	if err != nil {
		b.Fatal(err)
	}
	s, err := mujun.ParseScheme("s.toml", src)
	if err != nil {
		b.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	nan := math.NaN()
	es := make([]store.ZoneEnterprise, 50000)
	for i := range es {
		land := 3 + 100*rng.Float64()
		r := math.Exp(0.4 * rng.NormFloat64())
		es[i] = store.ZoneEnterprise{Year: 2024, Zone: fmt.Sprintf("Z%03d", i%300), USCC: mujun.CompleteUSCC(fmt.Sprintf("91620100MA%07d", i)),
			Name: "x", LandMu: land, LandOwned: nan, LandLeasedIn: nan, LandLeasedOut: nan, StartYear: 2000 + rng.IntN(25),
			ValueAdded: 60 * r * land, Tax: 15 * r * land, Output: 200 * r * land, EnergyTCE: 30 * land, Emissions: land, RD: 5 * r * land}
	}
	b.ResetTimer()
	c0 := cpuTime()
	for range b.N {
		g := zonestats.Grade(es, s, string(src), 2024)
		if len(g.Grades) != len(es) {
			b.Fatal(len(g.Grades))
		}
	}
	b.ReportMetric(float64(cpuTime()-c0)/float64(b.N), "cpu-ns/op")
}
