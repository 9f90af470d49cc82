package cli

import (
	"flag"
	"slices"

	"github.com/qiangxian/qiangxian/internal/coinr"
	"github.com/qiangxian/qiangxian/internal/engine"
)

// coinrFlags are the flags of every command that reads COINr's iMeta and
// iData tables and runs the pipeline steps: the two files and the step
// flags of `evaluate`.
type coinrFlags struct {
	imeta, idata                                *string
	denominate                                  *bool
	impute, screen, treat, normalise, aggregate *string
}

// addCOINrFlags defines the COINr input and step flags on fs; aggregate is
// the default of --aggregate ("" = no aggregation).
func (e *env) addCOINrFlags(fs *flag.FlagSet, aggregate string) *coinrFlags {
	return &coinrFlags{
		imeta:      fs.String("imeta", "", e.t("COINr 格式的指标元数据 iMeta.csv", "COINr iMeta.csv: the indicator hierarchy")),
		idata:      fs.String("idata", "", e.t("COINr 格式的数据 iData.csv", "COINr iData.csv: units × indicators")),
		denominate: fs.Bool("denominate", false, e.t("用 iMeta 的 Denominator 列做分母", "divide indicators by their iMeta Denominator column")),
		impute:     fs.String("impute", "", "mean, median, mean-group:COL, median-group:COL"),
		screen:     fs.String("screen", "", e.t("数据可得率阈值，如 0.9", "data availability threshold, e.g. 0.9")),
		treat:      fs.String("treat", "", "none, default, winmax:N"),
		normalise:  fs.String("normalise", "", normaliseHelp),
		aggregate:  fs.String("aggregate", aggregate, "amean, gmean, hmean, genmean:P, copeland"),
	}
}

// given reports whether both input files were named.
func (f *coinrFlags) given() bool { return *f.imeta != "" && *f.idata != "" }

// spec turns the step flags into an engine.Spec.
func (f *coinrFlags) spec(e *env) (engine.Spec, error) {
	return e.stepSpec(*f.denominate, *f.impute, *f.screen, *f.treat, *f.normalise, *f.aggregate)
}

// load reads iMeta and iData; every problem comes back located.
func (f *coinrFlags) load() (*coinr.Meta, *coinr.Data, error) {
	mt, err := openTable(*f.imeta)
	if err != nil {
		return nil, nil, err
	}
	meta, err := coinr.ReadMeta(mt)
	if err != nil {
		return nil, nil, err
	}
	dt, err := openTable(*f.idata)
	if err != nil {
		return nil, nil, err
	}
	data, err := coinr.ReadData(meta, dt)
	if err != nil {
		return nil, nil, err
	}
	return meta, data, nil
}

// periodIndex returns the index of the named period of data, the last one
// when name is empty.
func (e *env) periodIndex(data *coinr.Data, name string) (int, error) {
	if name == "" {
		return len(data.Periods) - 1, nil
	}
	k := slices.IndexFunc(data.Periods, func(p coinr.Period) bool { return p.Time == name })
	if k < 0 {
		return 0, e.usageErr("数据中没有第 %s 期", "no period %s in the data", name)
	}
	return k, nil
}
