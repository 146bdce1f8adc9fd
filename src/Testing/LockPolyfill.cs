#if !NET9_0_OR_GREATER
// .NET 8 has no System.Threading.Lock; `lock` on a plain object is the same monitor there.
global using Lock = System.Object;
#endif
