import './models/booking';
import './models/social';
import '@/models/station';
