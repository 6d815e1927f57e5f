import { AdminNav } from "@/components/admin/admin-nav";
import { requireAdminPage } from "./require-admin-page";

export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireAdminPage();
  return (
    <div className="space-y-4">
      <AdminNav />
      {children}
    </div>
  );
}
