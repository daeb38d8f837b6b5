import { useId } from 'react';
import { useCurrentBrand } from './brand.ts';

/** Shown only when the user has several brands; everything on workspace pages follows the choice. */
export function BrandSwitcher() {
  const { brand, brands, switchBrand } = useCurrentBrand();
  const id = useId();
  if (brands.length < 2 || !brand) return null;
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm font-semibold text-slate-800">
        Brand
      </label>
      <select
        id={id}
        value={brand.id}
        onChange={(event) => switchBrand(event.target.value)}
        className="min-h-11 rounded-lg border border-slate-500 bg-white px-3 text-sm"
      >
        {brands.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </div>
  );
}
