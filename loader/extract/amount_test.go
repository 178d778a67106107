package extract

import "testing"

func TestParseAmountChinese(t *testing.T) {
	for s, want := range map[string]float64{
		"12.8亿元": 12.8e8,
		"三十五亿元":  35e8,
		"二点八亿元":  2.8e8,
		"五千万元":   5e7,
		"一百二十万元": 120e4,
		"约二十亿元":  20e8,
		"十二亿元":   12e8,
		"三千万美元":  3e7,
		"六十二亿元":  62e8,
		"一点二亿元":  1.2e8,
	} {
		if got := parseAmount(s).Yuan; got < want*0.999 || got > want*1.001 {
			t.Errorf("parseAmount(%q) = %v, want %v", s, got, want)
		}
	}
}
